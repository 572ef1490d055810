// Test support: the API as a real child process (packages/api/src/main.ts, as `pnpm start` runs it) on a free
// loopback port and the database `env` names, so several processes can share one PostgreSQL database.
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const apiPackage = fileURLToPath(new URL("../..", import.meta.url));

/** How long a process may take to open, migrate and seed its database and listen. */
const startTimeoutMs = 180_000;

export interface ApiProcess {
  /** The origin, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  readonly stop: () => Promise<void>;
}

const listening = (child: ChildProcess): Promise<string> =>
  new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`The API did not start in time:\n${output}`)),
      startTimeoutMs,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(found[1]);
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with ${code} before listening:\n${output}`));
    });
  });

/** Ends the process with SIGTERM (it closes its database cleanly), SIGKILL after 10 s. */
const terminate = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
};

/** Starts main.ts with `env` added (DATABASE_URL, settings) on 127.0.0.1 and a free port. */
export const startApiProcess = async (env: Record<string, string>): Promise<ApiProcess> => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiPackage,
    env: { ...process.env, ...env, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    return { origin: await listening(child), stop: () => terminate(child) };
  } catch (error) {
    await terminate(child);
    throw error;
  }
};

// Starts Gatehouse the way `pnpm start` serves it (packages/api/src/main.ts, built apps, demo data) on a
// throwaway PGlite directory and a free loopback port, for one browser-test file; stops it afterwards.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repository = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

export interface RunningServer {
  /** The origin, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  readonly stop: () => Promise<void>;
}

/** How long the server may take to migrate, seed the demo data and listen. */
const startTimeoutMs = 120_000;

const listening = (child: ChildProcess): Promise<string> =>
  new Promise((resolveOrigin, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`Gatehouse did not start in time:\n${output}`)),
      startTimeoutMs,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found?.[1] !== undefined) {
        clearTimeout(timer);
        resolveOrigin(found[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Gatehouse exited with ${code} before listening:\n${output}`));
    });
  });

/**
 * A Gatehouse server on its own embedded database with the demo data. The apps must be built (turbo runs
 * each app's build before its tests). DATABASE_URL is not passed on: browser tests never share a database.
 */
export const startGatehouse = async (): Promise<RunningServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), "gatehouse-e2e-"));
  const { DATABASE_URL: _shared, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ["--max-semi-space-size=64", "--import", "tsx", "packages/api/src/main.ts"],
    {
      cwd: repository,
      env: { ...env, GATEHOUSE_DATA_DIR: dataDir, PORT: "0", HOST: "127.0.0.1", NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const origin = await listening(child);
  return {
    origin,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once("exit", done));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

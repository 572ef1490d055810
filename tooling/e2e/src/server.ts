// Starts Gatehouse the way `pnpm start` serves it (packages/api/src/main.ts, built apps, demo data) on a
// copy of the prepared template database and a free loopback port, for one browser-test file.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded PGlite directory startGatehouse copies (global-setup.ts). */
    gatehouseTemplate: string;
  }
}

const repository = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../..");

export interface RunningServer {
  /** The origin, e.g. http://127.0.0.1:41234. */
  readonly origin: string;
  /** The server's newest output lines (its log), oldest first. */
  readonly log: () => ReadonlyArray<string>;
  readonly stop: () => Promise<void>;
}

/** How many lines of the server's output are kept for a failed test's report. */
const keptLines = 400;

/** Keeps the newest `keptLines` lines `child` writes to stdout and stderr. */
const keepLog = (child: ChildProcess): (() => ReadonlyArray<string>) => {
  const lines: string[] = [];
  let partial = "";
  const read = (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split("\n");
    partial = parts.pop() ?? "";
    lines.push(...parts);
    if (lines.length > keptLines) lines.splice(0, lines.length - keptLines);
  };
  child.stdout?.on("data", read);
  child.stderr?.on("data", read);
  return () => (partial === "" ? [...lines] : [...lines, partial]);
};

/** How long the server may take to open (or create and seed) its database and listen. */
const startTimeoutMs = 180_000;

const listening = (child: ChildProcess, log: () => ReadonlyArray<string>): Promise<string> =>
  new Promise((resolveOrigin, reject) => {
    const output = () => log().join("\n");
    const timer = setTimeout(
      () => reject(new Error(`Gatehouse did not start in time:\n${output()}`)),
      startTimeoutMs,
    );
    const read = () => {
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output());
      if (found?.[1] !== undefined) {
        clearTimeout(timer);
        child.stdout?.off("data", read);
        child.stderr?.off("data", read);
        resolveOrigin(found[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Gatehouse exited with ${code} before listening:\n${output()}`));
    });
  });

/** Ends the server with SIGTERM (it closes its database cleanly), SIGKILL after 10 s. */
const terminate = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
};

/**
 * Runs main.ts on the PGlite directory `dataDir`. DATABASE_URL is not passed on: browser tests never share a
 * database with anything else.
 */
export const launch = async (dataDir: string): Promise<RunningServer> => {
  const { DATABASE_URL: _shared, ...env } = process.env;
  const child = spawn(
    process.execPath,
    ["--max-semi-space-size=64", "--import", "tsx", "packages/api/src/main.ts"],
    {
      cwd: repository,
      // A 2 s heartbeat: an open page hears within seconds that its session ended elsewhere.
      env: {
        ...env,
        GATEHOUSE_DATA_DIR: dataDir,
        PORT: "0",
        HOST: "127.0.0.1",
        NODE_ENV: "test",
        GATEHOUSE_EVENTS_HEARTBEAT_SECONDS: "2",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const log = keepLog(child);
  try {
    return { origin: await listening(child, log), log, stop: () => terminate(child) };
  } catch (error) {
    await terminate(child);
    throw error;
  }
};

/**
 * A Gatehouse server with the demo data on its own copy of the template database the global setup prepared
 * (opening a seeded directory takes a few seconds; creating and seeding one takes several times longer).
 * The apps must be built: turbo runs each app's build before its tests.
 */
export const startGatehouse = async (): Promise<RunningServer> => {
  const dataDir = mkdtempSync(join(tmpdir(), "gatehouse-e2e-"));
  cpSync(inject("gatehouseTemplate"), dataDir, { recursive: true });
  const server = await launch(dataDir);
  return {
    origin: server.origin,
    log: server.log,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

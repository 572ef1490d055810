// Starts a throwaway PostgreSQL server for a test run: initdb in a temporary directory, pg_ctl on loopback.
// Uses the installed server binaries (Debian's /usr/lib/postgresql/<major>/bin, or initdb on PATH).
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

export const postgresUnavailableMessage =
  "The PostgreSQL suites need a server. Either set DATABASE_URL=postgres://user:password@host:port/database " +
  "(a role allowed to CREATE DATABASE), or install PostgreSQL's server binaries so the tests can start a " +
  "throwaway server on 127.0.0.1: `sudo apt-get install -y postgresql` (Debian/Ubuntu; `.ci/run` does this), " +
  "`brew install postgresql` (macOS), `dnf install postgresql-server` (Fedora).";

export interface RunningPostgres {
  /** Connection URL of the `postgres` database as the `postgres` superuser (trust auth, loopback only). */
  readonly url: string;
  readonly stop: () => void;
}

/** The directory holding initdb and pg_ctl: the newest Debian cluster version, else the first on PATH. */
export const findPostgresBin = (): string | undefined => {
  const debian = "/usr/lib/postgresql";
  const majors = existsSync(debian)
    ? readdirSync(debian)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [
    ...majors.map((major) => join(debian, major, "bin")),
    ...(process.env.PATH ?? "").split(delimiter),
  ];
  return candidates.find(
    (dir) => dir !== "" && existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")),
  );
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });

/** PostgreSQL refuses to run as root: as root, run its binaries as the `postgres` user. */
const asServerUser = (bin: string, args: ReadonlyArray<string>): [string, Array<string>] =>
  process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, [...args]];

const run = (bin: string, args: ReadonlyArray<string>): void => {
  const [command, argv] = asServerUser(bin, args);
  try {
    execFileSync(command, argv, { stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });
  } catch (cause) {
    const stderr =
      typeof cause === "object" && cause !== null && "stderr" in cause ? String(cause.stderr) : String(cause);
    throw new Error(`${command} ${argv.join(" ")} failed: ${stderr}`);
  }
};

const postgresOwner = (): { readonly uid: number; readonly gid: number } => {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
};

/** initdb + pg_ctl start on a free loopback port; durability is switched off, it is a test server. */
export const startPostgres = async (bin: string): Promise<RunningPostgres> => {
  const dir = mkdtempSync(join(tmpdir(), "gatehouse-pg-"));
  const data = join(dir, "data");
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    if (process.getuid?.() === 0) {
      const { uid, gid } = postgresOwner();
      chownSync(dir, uid, gid);
    }
    run(join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C",
      "--no-sync",
    ]);
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");
    const pgCtl = join(bin, "pg_ctl");
    run(pgCtl, ["-D", data, "-l", join(dir, "server.log"), "-w", "-t", "60", "-o", settings, "start"]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: () => {
        try {
          run(pgCtl, ["-D", data, "-m", "immediate", "-w", "stop"]);
        } finally {
          remove();
        }
      },
    };
  } catch (cause) {
    remove();
    throw cause;
  }
};

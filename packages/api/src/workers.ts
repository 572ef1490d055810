// GATEHOUSE_WORKERS: how many API processes `pnpm start` runs on one port (node:cluster). The primary prepares the
// database once, forks the workers and restarts one that dies; they agree through the database's LISTEN/NOTIFY.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";

/** The most workers one machine is given: far more than cores only multiplies engines in memory. */
const MAX_WORKERS = 64;

/** GATEHOUSE_WORKERS: unset or 1 is one process; `auto` one per core; N that many. Throws naming the problem. */
export const workerCountFromEnv = (env: Readonly<Record<string, string | undefined>>): number => {
  const given = env.GATEHOUSE_WORKERS?.trim() ?? "";
  if (given === "") return 1;
  if (given === "auto") return Math.min(availableParallelism(), MAX_WORKERS);
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS)
    throw new Error(
      `GATEHOUSE_WORKERS must be "auto" or a whole number from 1 to ${MAX_WORKERS}, not "${given}"`,
    );
  return n;
};

/** Why PGlite cannot have workers: measured with @electric-sql/pglite-socket 0.2.17 (docs/running.md). */
export const pgliteWorkersRefusal = (workers: number) =>
  `GATEHOUSE_WORKERS=${workers} needs PostgreSQL: set DATABASE_URL=postgres://… . PGlite (the default, without ` +
  "DATABASE_URL) is one process's embedded database: other processes cannot share it, nor hear its notifications.";

/**
 * Forks `count` workers (each runs this same entry and serves the shared port), restarting one that exits
 * unexpectedly; on SIGTERM or SIGINT stops them all and exits once they have.
 */
export const superviseWorkers = (count: number): void => {
  let stopping = false;
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill("SIGTERM");
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
};

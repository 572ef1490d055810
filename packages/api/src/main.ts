// Runs Gatehouse: opens the database (PGlite in GATEHOUSE_DATA_DIR, or PostgreSQL at DATABASE_URL), prepares it
// (migrations, system roles, demo data outside production), loads the engine, sets up mail and serves on HOST:PORT.
import cluster from "node:cluster";
import { DatabaseLive, databaseConfig } from "@gatehouse/db";
import { describePartition, EngineSync, partitionFromEnv } from "@gatehouse/store";
import { serve } from "@hono/node-server";
import { Duration, Effect, ManagedRuntime } from "effect";
import { createApp } from "./app.ts";
import { Mailer, mailSettingsFromEnv } from "./mail/mailer.ts";
import { prepareOnce, serverLayer } from "./server-layer.ts";
import { streamLimitsFromEnv } from "./stream-quota.ts";
import { pgliteWorkersRefusal, superviseWorkers, workerCountFromEnv } from "./workers.ts";

const port = Number(process.env.PORT ?? 4000);
const hostname = process.env.HOST ?? "127.0.0.1";
/** How often /events re-checks a stream's credentials and sends a heartbeat, in seconds (default 15). */
const eventsHeartbeatSeconds = Number(process.env.GATEHOUSE_EVENTS_HEARTBEAT_SECONDS ?? 15);
if (!(Number.isFinite(eventsHeartbeatSeconds) && eventsHeartbeatSeconds > 0))
  throw new Error("GATEHOUSE_EVENTS_HEARTBEAT_SECONDS must be a positive number of seconds");
/** How long a question asked `atLeast` a consistency token waits for this process to apply it, in ms (default 5000). */
const atLeastWaitMs = Number(process.env.GATEHOUSE_AT_LEAST_WAIT_MS ?? 5000);
if (!(Number.isFinite(atLeastWaitMs) && atLeastWaitMs > 0))
  throw new Error("GATEHOUSE_AT_LEAST_WAIT_MS must be a positive number of milliseconds");
const eventsLimits = streamLimitsFromEnv(process.env);
const partition = partitionFromEnv(process.env);
const workers = workerCountFromEnv(process.env);

/** The primary of several workers: refuses PGlite, prepares the database once, then forks the workers. */
const runPrimary = async (): Promise<void> => {
  const config = await Effect.runPromise(
    Effect.gen(function* () {
      return yield* databaseConfig;
    }),
  );
  if (config.backend === "pglite") throw new Error(pgliteWorkersRefusal(workers));
  await Effect.runPromise(prepareOnce(DatabaseLive));
  console.log(`Gatehouse starting ${workers} workers on http://${hostname}:${port}`);
  superviseWorkers(workers);
};

/** One API process: the whole server (a worker skips the preparation its primary made). */
const runServer = async (): Promise<void> => {
  /** Where the server listens, once it does: invitation links point there unless GATEHOUSE_PUBLIC_URL says otherwise. */
  let listeningOn = `http://${hostname}:${port}`;
  const runtime = ManagedRuntime.make(
    serverLayer(DatabaseLive, Mailer.layer(mailSettingsFromEnv(() => listeningOn)), {
      prepare: !cluster.isWorker,
      partition,
    }),
  );
  const sync = await runtime.runPromise(Effect.service(EngineSync));

  const app = createApp({
    engine: () => sync.engine,
    store: runtime,
    eventsHeartbeat: Duration.seconds(eventsHeartbeatSeconds),
    atLeastWait: Duration.millis(atLeastWaitMs),
    eventsLimits,
    partition,
    ...(cluster.isWorker && { worker: String(cluster.worker?.id) }),
  });
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    listeningOn = `http://${hostname}:${info.port}`;
    const who = cluster.isWorker ? `worker ${process.pid}` : "Gatehouse";
    console.log(
      `${who} listening on http://${hostname}:${info.port} (/healthz, /trpc, /admin-center/), holding ${describePartition(partition)}`,
    );
  });

  const stop = async (): Promise<void> => {
    server.close();
    await runtime.dispose();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
};

if (cluster.isPrimary && workers > 1) await runPrimary();
else await runServer();

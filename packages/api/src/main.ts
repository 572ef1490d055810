// Runs Gatehouse: opens the database (PGlite in GATEHOUSE_DATA_DIR, or PostgreSQL at DATABASE_URL), prepares it
// (migrations, system roles, demo data outside production), loads the engine, sets up mail and serves on HOST:PORT.
import { DatabaseLive } from "@gatehouse/db";
import { EngineSync } from "@gatehouse/store";
import { serve } from "@hono/node-server";
import { Duration, Effect, ManagedRuntime } from "effect";
import { createApp } from "./app.ts";
import { Mailer, mailSettingsFromEnv } from "./mail/mailer.ts";
import { serverLayer } from "./server-layer.ts";

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

/** Where the server listens, once it does: invitation links point there unless GATEHOUSE_PUBLIC_URL says otherwise. */
let listeningOn = `http://${hostname}:${port}`;
const runtime = ManagedRuntime.make(
  serverLayer(DatabaseLive, Mailer.layer(mailSettingsFromEnv(() => listeningOn))),
);
const sync = await runtime.runPromise(Effect.service(EngineSync));

const app = createApp({
  engine: () => sync.engine,
  store: runtime,
  eventsHeartbeat: Duration.seconds(eventsHeartbeatSeconds),
  atLeastWait: Duration.millis(atLeastWaitMs),
});
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  listeningOn = `http://${hostname}:${info.port}`;
  console.log(`Gatehouse listening on http://${hostname}:${info.port} (/healthz, /trpc, /admin-center/)`);
});

const stop = async (): Promise<void> => {
  server.close();
  await runtime.dispose();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);

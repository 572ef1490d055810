// The streams benchmark's server process: the real app (createApp) on 127.0.0.1 over the server's layer on an
// in-memory PGlite, /events limits from the environment, and an organization whose API keys subscribe.

import { layerPglite } from "@gatehouse/db";
import { EngineSync, Groups, Mutations } from "@gatehouse/store";
import { serve } from "@hono/node-server";
import { Duration, Effect, ManagedRuntime } from "effect";
import { createApp } from "../../api/src/app.ts";
import { serverLayer } from "../../api/src/server-layer.ts";
import { streamLimitsFromEnv } from "../../api/src/stream-quota.ts";
import { provision } from "./api-store.ts";

/** What the server tells the bench process once it listens. */
export interface StreamsReady {
  readonly port: number;
  /** The organization's API keys (`gh_…`), one per `perActor` subscribers. */
  readonly keys: ReadonlyArray<string>;
}

/** The server's memory after a full collection, in bytes. */
export interface ServerMemory {
  readonly heap: number;
  readonly rss: number;
}

export const BENCH_ORG = "streams";
const KEYS = Number(process.env.BENCH_KEYS ?? 10);

const runtime = ManagedRuntime.make(serverLayer(layerPglite()));
const sync = await runtime.runPromise(Effect.service(EngineSync));
const keys = await runtime.runPromise(
  Effect.forEach(
    Array.from({ length: KEYS }, (_, i) => i),
    (i) => provision(BENCH_ORG, `key_streams_${i}`, i === 0),
  ),
);
const app = createApp({
  engine: () => sync.engine,
  store: runtime,
  appsDir: "/nonexistent",
  eventsLimits: streamLimitsFromEnv(process.env),
  // No heartbeat during the measured minutes: only the changes travel.
  eventsHeartbeat: Duration.minutes(10),
});

/** Adds group `g-<i>` to the organization, as an audited mutation (one `group.added` notice). */
const write = (i: number) =>
  Effect.gen(function* () {
    yield* (yield* Mutations).mutate({
      actor: { kind: "system" },
      org: BENCH_ORG,
      action: "group.create",
      target: { kind: "group", id: `g-${i}` },
      run: (yield* Groups).create({ id: `g-${i}`, org: BENCH_ORG, name: `Group ${i}` }),
    });
  });

const memory = (): ServerMemory => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.external + m.arrayBuffers, rss: m.rss };
};

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  const ready: StreamsReady = { port: info.port, keys: keys.map(([, key]) => key) };
  process.send?.(ready);
});

// {write: i} writes change i and answers when it was sent (epoch ms); "memory" answers the memory; "stop" ends.
process.on("message", (message: unknown) => {
  if (message === "stop") {
    setTimeout(() => process.exit(0), 1000).unref();
    server.close(() => void runtime.dispose().finally(() => process.exit(0)));
  } else if (message === "memory") process.send?.(memory());
  else if (typeof message === "object" && message !== null && "write" in message) {
    const i = Number(message.write);
    const at = performance.timeOrigin + performance.now();
    void runtime.runPromise(write(i)).then(() => process.send?.({ written: i, at }));
  }
});
process.on("disconnect", () => process.exit(0));

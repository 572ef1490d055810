// The SDK benchmark's server process: the real app over an in-memory PGlite demo database (acme and its partner) on
// 127.0.0.1, with an API key of acme; it tells the bench process its port and key, and stops on "stop".

import { layerPglite } from "@gatehouse/db";
import { ApiKeys, EngineSync, Mutations } from "@gatehouse/store";
import { serve } from "@hono/node-server";
import { Effect, ManagedRuntime } from "effect";
import { createApp } from "../../api/src/app.ts";
import { hashToken, newApiKey } from "../../api/src/auth/tokens.ts";
import { serverLayer } from "../../api/src/server-layer.ts";

/** What the server tells the bench process once it listens. */
export interface SdkServerReady {
  readonly port: number;
  /** An API key (`gh_…`) of acme. */
  readonly key: string;
}

const runtime = ManagedRuntime.make(serverLayer(layerPglite()));
const sync = await runtime.runPromise(Effect.service(EngineSync));
const { key, prefix } = newApiKey();
await runtime.runPromise(
  Effect.gen(function* () {
    const id = `key_bench_${prefix}`;
    yield* (yield* Mutations).mutate({
      actor: { kind: "system" },
      org: "acme",
      action: "api-key.create",
      target: { kind: "api-key", id },
      run: (yield* ApiKeys).create({
        id,
        org: "acme",
        name: "sdk bench",
        keyHash: hashToken(key),
        prefix,
        createdBy: null,
      }),
    });
  }),
);
const app = createApp({ engine: () => sync.engine, store: runtime, appsDir: "/nonexistent" });
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  const ready: SdkServerReady = { port: info.port, key };
  process.send?.(ready);
});

const stop = (): void => {
  setTimeout(() => process.exit(0), 1000).unref();
  server.close(() => void runtime.dispose().finally(() => process.exit(0)));
  if ("closeAllConnections" in server) server.closeAllConnections();
};
process.on("message", (message) => {
  if (message === "stop") stop();
});
process.on("disconnect", () => process.exit(0));

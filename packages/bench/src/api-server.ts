// The API benchmark's server process: loads the bench fixture into an engine and serves the real app
// (createApp) on 127.0.0.1 (a free port) over a real store, where each fixture organization has an API key.
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createApp } from "../../api/src/app.ts";
import { BASELINE_PATH } from "./api-requests.ts";
import { openBenchStore } from "./api-store.ts";
import { generateFixture } from "./fixture.ts";
import { buildGatehouse, gatehouseInput } from "./gatehouse-runner.ts";

/** What the server tells the bench process once it listens. */
export interface ServerReady {
  readonly port: number;
  readonly buildMs: number;
  /** The API key (`gh_…`) of every organization, by organization id. */
  readonly keys: Readonly<Record<string, string>>;
}

const { values } = parseArgs({
  options: {
    users: { type: "string" },
    projects: { type: "string" },
    seed: { type: "string" },
  },
});
const fx = generateFixture(Number(values.users), Number(values.projects), Number(values.seed));
const start = performance.now();
const engine = buildGatehouse(gatehouseInput(fx));
const buildMs = performance.now() - start;

// The store decides who a request acts as (API keys, sessions); the fixture's engine answers the checks.
const store = await openBenchStore(fx.orgs.map((org) => org.id));
const app = createApp({ engine: () => engine, store: store.runner, appsDir: "/nonexistent" });

/**
 * The baseline every API line is a ratio of: a plain Hono JSON route (no middleware, no sign-in) on the same
 * Hono and node-server, in this process only (the product app has no such route). The app's routes follow it.
 */
const served = new Hono();
served.get(BASELINE_PATH, (c) => c.json({ ok: true }));
served.route("/", app);

const server = serve({ fetch: served.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  const ready: ServerReady = { port: info.port, buildMs, keys: store.keys };
  process.send?.(ready);
});

// "stop" ends the process normally (so --cpu-prof writes its profile); "cpu" asks for the CPU time used so far
// (user + system, and system alone, µs), which the bench divides by the requests served, and the monotonic
// clock's time (µs, the clock CPU profiles time their samples by), which marks where each measured run lies in a
// profile.
const stop = (): void => {
  setTimeout(() => process.exit(0), 1000).unref();
  server.close(() => void store.close().finally(() => process.exit(0)));
};
process.on("message", (message) => {
  if (message === "stop") stop();
  if (message === "cpu") {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuUs: user + system, sysUs: system, atUs: Number(process.hrtime.bigint() / 1000n) });
  }
});
process.on("disconnect", () => process.exit(0));

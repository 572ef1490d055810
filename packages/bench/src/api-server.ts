// The API benchmark's server process: loads the bench fixture into an engine and serves the real app
// router over tRPC on Hono on 127.0.0.1 (a free port), with the bench-only context of api-context.ts.
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import { appRouter } from "../../api/src/root.ts";
import { benchContext } from "./api-context.ts";
import { generateFixture } from "./fixture.ts";
import { buildGatehouse, gatehouseInput } from "./gatehouse-runner.ts";

/** What the server tells the bench process once it listens. */
export interface ServerReady {
  readonly port: number;
  readonly buildMs: number;
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

// The same tRPC mount as createApp (packages/api/src/app.ts): a request id header, then tRPC at /trpc/*;
// only createContext differs, trusting the bench bearer instead of sessions and API keys.
const app = new Hono<{ Variables: { requestId: string } }>();
app.use("*", async (c, next) => {
  const requestId = randomUUID();
  c.set("requestId", requestId);
  await next();
  c.res.headers.set("x-request-id", requestId);
});
app.use(
  "/trpc/*",
  trpcServer({
    router: appRouter,
    createContext: (_opts, c) => ({
      ...benchContext(engine, c.var.requestId, c.req.header("authorization")),
    }),
  }),
);

const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  const ready: ServerReady = { port: info.port, buildMs };
  process.send?.(ready);
});

// "stop" ends the process normally (so --cpu-prof writes its profile); "cpu" asks for the CPU time used
// so far (user + system, µs), which the bench divides by the requests served.
process.on("message", (message) => {
  if (message === "stop") {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 1000).unref();
  }
  if (message === "cpu") {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuUs: user + system });
  }
});
process.on("disconnect", () => process.exit(0));

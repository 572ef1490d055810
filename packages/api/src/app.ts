// The Hono application: /healthz, tRPC at /trpc/*, and the three apps' pages. Built around an Engine
// (and, as sign-in lands, the store); tests drive it with app.request, the server with @hono/node-server.
import { randomUUID } from "node:crypto";
import type { Engine } from "@gatehouse/domain";
import { trpcServer } from "@hono/trpc-server";
import { Hono } from "hono";
import { mountApps } from "./apps.ts";
import type { ApiContext } from "./context.ts";
import { appRouter } from "./root.ts";

export interface AppOptions {
  /** The current engine (the store's EngineSync replaces it on a full reload, so it is read per request). */
  readonly engine: () => Engine;
  /** Where the apps' folders are (default: the repository's apps/). */
  readonly appsDir?: string;
}

export const createApp = (options: AppOptions): Hono => {
  const app = new Hono();
  app.use("*", async (c, next) => {
    c.header("x-request-id", randomUUID());
    await next();
  });
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      createContext: (_opts, c): ApiContext & Record<string, unknown> => ({
        engine: options.engine(),
        requestId: c.res.headers.get("x-request-id") ?? randomUUID(),
        actor: undefined,
      }),
    }),
  );
  mountApps(app, options.appsDir);
  app.get("/", (c) => c.redirect("/admin-center/"));
  return app;
};

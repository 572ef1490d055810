// Test support: the real Gatehouse server (createApp over the server layer on a fresh PGlite demo database) served by
// @hono/node-server on 127.0.0.1, which a test can stop and start again on the same port; tRPC calls over HTTP.
import type { AddressInfo } from "node:net";
import { layerPglite } from "@gatehouse/db";
import { ApiKeys, EngineSync, Mutations, Users } from "@gatehouse/store";
import { serve } from "@hono/node-server";
import { Duration, Effect, ManagedRuntime } from "effect";
import { SqlClient } from "effect/sql";
import { createApp } from "../../../api/src/app.ts";
import { hashToken, newApiKey } from "../../../api/src/auth/tokens.ts";
import { serverLayer } from "../../../api/src/server-layer.ts";

/** A signed-in session (cookie and CSRF token), or an API key. */
export type Caller = { readonly cookie: string; readonly csrf: string } | { readonly bearer: string };

export interface Answer {
  readonly status: number;
  readonly data: unknown;
  readonly error: { readonly message: string } | undefined;
  /** A write's consistency token (the Gatehouse-Token header). */
  readonly token: string | null;
}

/** Starts the server; `stop` and `start` close and reopen its HTTP listener (the database and engine stay). */
export const realServer = async () => {
  const runtime = ManagedRuntime.make(serverLayer(layerPglite()));
  const sync = await runtime.runPromise(Effect.service(EngineSync));
  const app = createApp({
    engine: () => sync.engine,
    store: runtime,
    appsDir: "/nonexistent",
    eventsHeartbeat: Duration.millis(500),
  });
  let port = 0;
  let server: ReturnType<typeof serve> | undefined;
  const start = () =>
    new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const closing = server;
      server = undefined;
      if (closing === undefined) return resolve();
      closing.close(() => resolve());
      if ("closeAllConnections" in closing) closing.closeAllConnections();
    });
  await start();

  /** One tRPC call through the app itself (works while the listener is stopped). */
  const call = async (
    method: "GET" | "POST",
    path: string,
    input: unknown,
    caller?: Caller,
  ): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (caller !== undefined && "bearer" in caller) headers.authorization = `Bearer ${caller.bearer}`;
    if (caller !== undefined && "cookie" in caller) {
      headers.cookie = caller.cookie;
      headers["x-csrf-token"] = caller.csrf;
    }
    const query = method === "GET" ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
    const init: RequestInit = { method, headers };
    if (method === "POST") {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(input);
    }
    const res = await app.request(`http://localhost/trpc/${path}${query}`, init);
    const body = (await res.json()) as { result?: { data: unknown }; error?: Answer["error"] };
    return {
      status: res.status,
      data: body.result?.data,
      error: body.error,
      token: res.headers.get("gatehouse-token"),
    };
  };

  const signIn = async (email: string): Promise<Caller> => {
    const res = await app.request("http://localhost/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "gatehouse-demo" }),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith("gatehouse_session=")) ?? "";
    const { result } = (await res.json()) as { result: { data: { csrfToken: string } } };
    return { cookie: cookie.split(";")[0] ?? "", csrf: result.data.csrfToken };
  };

  /** Each key `apiKey` made, and its id (what apiKeys.revoke takes). */
  const keyIds = new Map<string, string>();

  /** A new API key of `org`, made through the store as apiKeys.create makes one (audited). */
  const apiKey = (org: string) =>
    runtime.runPromise(
      Effect.gen(function* () {
        const { key, prefix } = newApiKey();
        const id = `key_${prefix}`;
        const made = yield* (yield* Mutations).mutate({
          actor: { kind: "system" },
          org,
          action: "api-key.create",
          target: { kind: "api-key", id },
          run: (yield* ApiKeys).create({
            id,
            org,
            name: "sdk test",
            keyHash: hashToken(key),
            prefix,
            createdBy: null,
          }),
        });
        yield* (yield* EngineSync).awaitApplied(made.auditId);
        keyIds.set(key, id);
        return key;
      }),
    );

  /** Deactivates `user` in an audited write of `org`'s (as its own organization would), applied by the engine. */
  const deactivate = (org: string, user: string) =>
    runtime.runPromise(
      Effect.gen(function* () {
        const users = yield* Users;
        const before = yield* users.get(user);
        const made = yield* (yield* Mutations).mutate({
          actor: { kind: "system" },
          org,
          action: "user.deactivate",
          target: { kind: "user", id: user },
          run: users.deactivate(user, before.version, user),
        });
        yield* (yield* EngineSync).awaitApplied(made.auditId);
      }),
    );

  /** The last audit row's id: the position a write just made. */
  const lastAudit = () =>
    runtime.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const rows = yield* sql<{ readonly id: string }>`select max(id)::text as id from audit_log`;
        return rows[0]?.id ?? "0";
      }),
    );

  return {
    url: () => `http://127.0.0.1:${port}`,
    app,
    engine: () => sync.engine,
    call,
    signIn,
    apiKey,
    keyId: (key: string) => keyIds.get(key) ?? "",
    deactivate,
    lastAudit,
    start,
    stop,
    dispose: async () => {
      await stop();
      await runtime.dispose();
    },
  };
};

export type RealServer = Awaited<ReturnType<typeof realServer>>;

/** Polls `condition` every 20 ms, at most `tries` times; the last answer. */
export const until = async (condition: () => boolean | Promise<boolean>, tries = 250): Promise<boolean> => {
  for (let i = 0; i < tries; i++) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return condition();
};

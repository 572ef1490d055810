// Test support: the API over a demo database (PGlite by default, or a real PostgreSQL server), signed in as demo
// users through HTTP. Each test file calling demoApi() gets its own database, app and helpers.
import { layerPg, layerPglite } from "@gatehouse/db";
import { type BackendName, createTemplateDatabase, databaseUrl, dropDatabase } from "@gatehouse/db/testing";
import { EngineSync } from "@gatehouse/store";
import { Effect, Layer, ManagedRuntime } from "effect";
import { SqlClient } from "effect/sql";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { createApp } from "../../src/app.ts";
import { serverLayer } from "../../src/server-layer.ts";

export interface Call {
  readonly cookie?: string;
  readonly csrf?: string;
  readonly bearer?: string;
}
export interface Answer {
  readonly status: number;
  readonly data: unknown;
  readonly error: { readonly message: string; readonly data: { readonly code: string } } | undefined;
}

/** The PostgreSQL server the global setup started (or DATABASE_URL); a missing one fails the suite loudly. */
const postgresServer = (): string => {
  const provided = inject("gatehousePostgres");
  if (provided === undefined)
    throw new Error("No PostgreSQL server: the API's Vitest globalSetup provides one");
  if ("error" in provided) throw new Error(provided.error);
  return provided.url;
};

/** A new empty PostgreSQL database for one test file, dropped with the file's runtime. */
const postgresDatabase = Layer.unwrap(
  Effect.gen(function* () {
    const server = postgresServer();
    const name = yield* Effect.acquireRelease(
      Effect.promise(() => createTemplateDatabase(server, Effect.void)),
      (made) => Effect.ignore(dropDatabase(server, made)),
    );
    return layerPg({ url: databaseUrl(server, name), maxConnections: 10 });
  }),
);

/** A demo database on `backend`, the app over it and HTTP helpers; registers its own setup and teardown. */
export const demoApi = (backend: BackendName = "pglite") => {
  const database = backend === "pglite" ? layerPglite() : Layer.orDie(postgresDatabase);
  const runtime = ManagedRuntime.make(serverLayer(database));
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const sync = await runtime.runPromise(Effect.service(EngineSync));
    app = createApp({ engine: () => sync.engine, store: runtime, appsDir: "/nonexistent" });
  }, 180_000);
  afterAll(() => runtime.dispose());

  const send = async (method: "GET" | "POST", path: string, input: unknown, call: Call): Promise<Answer> => {
    const headers: Record<string, string> = {};
    if (call.cookie !== undefined) headers.cookie = call.cookie;
    if (call.csrf !== undefined) headers["x-csrf-token"] = call.csrf;
    if (call.bearer !== undefined) headers.authorization = `Bearer ${call.bearer}`;
    const query =
      method === "GET" && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : "";
    const init: RequestInit = { method, headers };
    if (method === "POST") {
      headers["content-type"] = "application/json";
      init.body = JSON.stringify(input ?? {});
    }
    const res = await app.request(`http://localhost/trpc/${path}${query}`, init);
    const body = (await res.json()) as { result?: { data: unknown }; error?: Answer["error"] };
    return { status: res.status, data: body.result?.data, error: body.error };
  };

  const signIn = async (email: string): Promise<Call> => {
    const login = await app.request("http://localhost/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: "gatehouse-demo" }),
    });
    const token = login.headers
      .getSetCookie()
      .find((c) => c.startsWith("gatehouse_session="))
      ?.slice("gatehouse_session=".length)
      .split(";")[0];
    expect(login.status).toBe(200);
    const { result } = (await login.json()) as { result: { data: { csrfToken: string } } };
    return { cookie: `gatehouse_session=${token ?? ""}`, csrf: result.data.csrfToken };
  };

  const rows = <A extends object>(statement: string) =>
    runtime.runPromise(
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        return yield* sql.unsafe<A>(statement);
      }),
    );
  const auditCount = async () =>
    Number((await rows<{ n: string }>("select count(*) as n from audit_log"))[0]?.n);
  return { runtime, send, signIn, rows, auditCount, app: () => app };
};

// Test support: the API over a demo database (PGlite by default, or a real PostgreSQL server), signed in as demo
// users through HTTP. Each test file calling demoApi() gets its own copy of the demo database, app and helpers.
import { readFileSync } from "node:fs";
import { layerPg, layerPglite } from "@gatehouse/db";
import { type BackendName, freshDatabase } from "@gatehouse/db/testing";
import { EngineSync } from "@gatehouse/store";
import { Effect, Layer, ManagedRuntime } from "effect";
import { SqlClient } from "effect/sql";
import { afterAll, beforeAll, expect, inject } from "vitest";
import { type AppOptions, createApp } from "../../src/app.ts";
import { Mailer } from "../../src/mail/mailer.ts";
import { serverLayer } from "../../src/server-layer.ts";
import "./demo-template.ts";
import { type Call, cookieOf, trpcRequest } from "./trpc-request.ts";

export type { Answer, Call } from "./trpc-request.ts";

/** The PostgreSQL server the global setup started (or DATABASE_URL); a missing one fails the suite loudly. */
const postgresServer = (): string => {
  const provided = inject("gatehousePostgres");
  if (provided === undefined)
    throw new Error("No PostgreSQL server: the API's Vitest globalSetup provides one");
  if ("error" in provided) throw new Error(provided.error);
  return provided.url;
};

/** A copy of the demo template database (global-setup.ts) for one test file, dropped with the file's runtime. */
const postgresDatabase = Layer.unwrap(
  Effect.gen(function* () {
    const server = postgresServer();
    const template = inject("gatehouseDemoPostgres");
    if (template === undefined)
      throw new Error("No demo template database: the API's Vitest globalSetup makes one");
    return layerPg({ url: yield* freshDatabase(server, template), maxConnections: 10 });
  }),
);

/** A PGlite in memory loaded from the demo data directory (global-setup.ts). */
export const demoPglite = () =>
  layerPglite({ loadDataDir: new Blob([readFileSync(inject("gatehouseDemoPglite"))]) });

/** Links in the tests' emails point here. */
export const testOrigin = "http://gatehouse.test";

/** Mail through the SMTP server at `smtpUrl`, or without one into the dev outbox; links on `testOrigin`. */
export const testMail = (smtpUrl?: string) =>
  Mailer.layer({ smtpUrl, from: "Gatehouse <no-reply@gatehouse.test>", origin: () => testOrigin });

/**
 * A demo database on `backend`, the app over it (mail by `mail`: the dev outbox unless given; `options` for the
 * app's other settings, `partition` the organizations it holds) and HTTP helpers; registers its own setup and teardown.
 */
export const demoApi = (
  backend: BackendName = "pglite",
  mail: Layer.Layer<Mailer> = testMail(),
  options: Pick<AppOptions, "atLeastWait" | "partition"> = {},
) => {
  const database = backend === "pglite" ? demoPglite() : Layer.orDie(postgresDatabase);
  const runtime = ManagedRuntime.make(
    serverLayer(database, mail, options.partition === undefined ? {} : { partition: options.partition }),
  );
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    const sync = await runtime.runPromise(Effect.service(EngineSync));
    app = createApp({ engine: () => sync.engine, store: runtime, appsDir: "/nonexistent", ...options });
  }, 180_000);
  afterAll(() => runtime.dispose());

  const send = (method: "GET" | "POST", path: string, input: unknown, call: Call) =>
    trpcRequest(app, method, path, input, call);

  const signIn = async (email: string): Promise<Call> => {
    const login = await send("POST", "auth.login", { email, password: "gatehouse-demo" }, {});
    expect(login.status).toBe(200);
    const token = cookieOf(login, "gatehouse_session").value;
    const { csrfToken } = login.data as { csrfToken: string };
    return { cookie: `gatehouse_session=${token ?? ""}`, csrf: csrfToken };
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

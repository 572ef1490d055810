// Two API processes on one PostgreSQL database: a change written through one (or by a writer that waits for no
// engine) is seen by the other asked `atLeast` its token (checks, `may`, keys revoked or made creatorless); a future token fails.
import { layerPg } from "@gatehouse/db";
import { createTemplateDatabase, databaseUrl, dropDatabase } from "@gatehouse/db/testing";
import { ApiKeys, Grants, Mutations, StoreLive, Users, type Written } from "@gatehouse/store";
import { Effect, Layer, ManagedRuntime } from "effect";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./support/api-process.ts";

/** 25 grants given and 25 removed: 50 writes through A, each followed by a question to B. */
const ROUNDS = 25;
/** API keys created through A, signed in on B, then revoked, each asked of B atLeast its revocation. */
const KEY_ROUNDS = 10;
/** B's wait for a token (GATEHOUSE_AT_LEAST_WAIT_MS): long enough for a notice, short for the future-token test. */
const WAIT_MS = 2000;

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const question = { subject: "demo-customeruser", action: "cms:edit-view.access", resource: cms };

interface Signed {
  readonly cookie: string;
  readonly csrf: string;
}

interface Answer {
  readonly status: number;
  readonly token: string | null;
  readonly data: unknown;
  readonly error: { readonly message: string; readonly data: { readonly code: string } } | undefined;
}

/** One tRPC call to `origin`: a query by GET, a mutation by POST (with the CSRF header). */
const call = async (
  origin: string,
  kind: "query" | "mutation",
  path: string,
  input: unknown,
  as?: Signed,
) => {
  const headers: Record<string, string> =
    as === undefined ? {} : { cookie: as.cookie, "x-csrf-token": as.csrf };
  const res =
    kind === "query"
      ? await fetch(`${origin}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${origin}/trpc/${path}`, {
          method: "POST",
          headers: { ...headers, "content-type": "application/json" },
          body: JSON.stringify(input),
        });
  const body = (await res.json()) as { result?: { data: unknown }; error?: Answer["error"] };
  const answer: Answer = {
    status: res.status,
    token: res.headers.get("gatehouse-token"),
    data: body.result?.data,
    error: body.error,
  };
  return answer;
};

/** The status `origin` answers the question with API key `key`, asked `atLeast` (if given). */
const keyAnswer = (origin: string, key: string, atLeast?: string) =>
  fetch(`${origin}/v1/check`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ ...question, ...(atLeast === undefined ? {} : { atLeast }) }),
  }).then((res) => res.status);

const signIn = async (origin: string, email: string): Promise<Signed> => {
  const res = await fetch(`${origin}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "gatehouse-demo" }),
  });
  expect(res.status).toBe(200);
  const session = res.headers.getSetCookie().find((c) => c.startsWith("gatehouse_session="));
  const { result } = (await res.json()) as { result: { data: { csrfToken: string } } };
  return { cookie: session?.split(";")[0] ?? "", csrf: result.data.csrfToken };
};

const postgresServer = (): string => {
  const provided = inject("gatehousePostgres");
  if (provided === undefined)
    throw new Error("No PostgreSQL server: the API's Vitest globalSetup provides one");
  if ("error" in provided) throw new Error(provided.error);
  return provided.url;
};

describe("consistency tokens across two API processes on one PostgreSQL", () => {
  const server = postgresServer();
  let database: string | undefined;
  let a: ApiProcess | undefined;
  let b: ApiProcess | undefined;

  beforeAll(async () => {
    database = await createTemplateDatabase(server, Effect.void);
    const env = { DATABASE_URL: databaseUrl(server, database), GATEHOUSE_AT_LEAST_WAIT_MS: String(WAIT_MS) };
    // One after the other: the first migrates and seeds, the second finds the database ready.
    a = await startApiProcess(env);
    b = await startApiProcess(env);
  }, 400_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (database !== undefined) await Effect.runPromise(Effect.ignore(dropDatabase(server, database)));
  }, 60_000);

  /** A store of the test's own on the same database: a writer that commits and notifies, waiting for no engine. */
  const writerRuntime = () =>
    ManagedRuntime.make(
      StoreLive.pipe(
        Layer.provideMerge(layerPg({ url: databaseUrl(server, database ?? ""), maxConnections: 4 })),
      ),
    );

  const origins = () => {
    if (a === undefined || b === undefined) throw new Error("the API processes did not start");
    return { a: a.origin, b: b.origin };
  };

  it(`a grant given or removed through A is seen through B asked atLeast A's token (${ROUNDS * 2} writes)`, async () => {
    const { a, b } = origins();
    const admin = await signIn(a, "admin@acme.example");
    for (let round = 0; round < ROUNDS; round++) {
      const given = await call(
        a,
        "mutation",
        "grants.create",
        { subject: { kind: "user", id: question.subject }, role: "cms:content-editors", scope: cms },
        admin,
      );
      expect(given.status).toBe(200);
      expect(given.token).toMatch(/^[0-9]+$/);
      const seen = await call(b, "query", "authz.check", { ...question, atLeast: given.token }, admin);
      expect(seen).toMatchObject({ status: 200, data: "allow" });

      const grant = given.data as { readonly id: string; readonly version: number };
      const removed = await call(
        a,
        "mutation",
        "grants.remove",
        { id: grant.id, version: grant.version },
        admin,
      );
      expect(removed.status).toBe(200);
      const gone = await call(
        b,
        "mutation",
        "authz.checkMany",
        {
          subject: question.subject,
          checks: [{ action: question.action, resource: cms }],
          atLeast: removed.token,
        },
        admin,
      );
      expect(gone).toMatchObject({ status: 200, data: ["deny"] });
    }
  }, 300_000);

  it(`a change committed by a writer that waits for no engine is seen through B asked atLeast its token (${ROUNDS} writes)`, async () => {
    const { a, b } = origins();
    const admin = await signIn(a, "admin@acme.example");
    // The test's own connection: it commits and notifies, then asks B at once, before B may have heard.
    const writer = writerRuntime();
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const id = `g-writer-${round}`;
        const done = await writer.runPromise(
          Effect.gen(function* () {
            const grants = yield* Grants;
            return yield* (yield* Mutations).mutate({
              actor: { kind: "system" },
              org: "acme",
              action: "grant.create",
              target: { kind: "grant", id },
              run: grants.create({
                id,
                subject: { kind: "user", id: "demo-customerdev" },
                role: "cms:content-editors",
                scope: cms,
              }),
            });
          }),
        );
        const asked = { ...question, subject: "demo-customerdev", atLeast: done.auditId };
        const seen = await call(b, "query", "authz.check", asked, admin);
        expect(seen).toMatchObject({ status: 200, data: "allow" });
        await writer.runPromise(
          Effect.gen(function* () {
            const grants = yield* Grants;
            yield* (yield* Mutations).mutate({
              actor: { kind: "system" },
              org: "acme",
              action: "grant.delete",
              target: { kind: "grant", id },
              run: grants.remove(id, 1),
            });
          }),
        );
      }
    } finally {
      await writer.dispose();
    }
  }, 300_000);

  it(`an API key revoked by a writer that waits for no engine is refused by B asked atLeast its token (${KEY_ROUNDS} keys)`, async () => {
    const { a, b } = origins();
    const admin = await signIn(a, "admin@acme.example");
    const writer = writerRuntime();
    const asked = (key: string, atLeast?: string) => keyAnswer(b, key, atLeast);
    try {
      for (let round = 0; round < KEY_ROUNDS; round++) {
        const created = await call(a, "mutation", "apiKeys.create", { name: `revoked on A ${round}` }, admin);
        expect(created.status).toBe(200);
        const { id, key } = created.data as { readonly id: string; readonly key: string };
        // B signs the key in once, so it is cached there.
        expect(await asked(key)).toBe(200);
        const revoked = await writer.runPromise(
          Effect.gen(function* () {
            const keys = yield* ApiKeys;
            return yield* (yield* Mutations).mutate({
              actor: { kind: "system" },
              org: "acme",
              action: "api-key.revoke",
              target: { kind: "api-key", id },
              run: keys.revoke(id),
            });
          }),
        );
        expect(await asked(key, revoked.auditId)).toBe(401);
      }
    } finally {
      await writer.dispose();
    }
  }, 300_000);

  it(`an API key whose creator is deactivated is refused by B asked atLeast that change, its key notice unsent (${KEY_ROUNDS} keys)`, async () => {
    const { a, b } = origins();
    const admin = await signIn(a, "admin@acme.example");
    const creator = "demo-customerdev";
    const given = await call(
      a,
      "mutation",
      "grants.create",
      { subject: { kind: "user", id: creator }, role: "admin-center:super-admin", scope: { org: "acme" } },
      admin,
    );
    expect(given.status, JSON.stringify(given.error)).toBe(200);
    const writer = writerRuntime();
    /** The creator's status changed by a writer that waits for no engine and tells no key cache (a lost notice). */
    const setStatus = (event: "deactivate" | "reactivate") =>
      writer.runPromise(
        Effect.gen(function* () {
          const users = yield* Users;
          const { version } = yield* users.get(creator);
          return yield* (yield* Mutations).mutate({
            actor: { kind: "system" },
            org: "acme",
            action: `user.${event}`,
            target: { kind: "user", id: creator },
            run:
              event === "deactivate"
                ? users.deactivate(creator, version, "demo-admin")
                : users.reactivate(creator, version),
          });
        }),
      );
    const asked = (key: string, atLeast?: string) => keyAnswer(b, key, atLeast);
    try {
      for (let round = 0; round < KEY_ROUNDS; round++) {
        const person = await signIn(a, "customerdev@acme.example");
        const created = await call(
          a,
          "mutation",
          "apiKeys.create",
          { name: `creator leaves ${round}` },
          person,
        );
        expect(created.status, JSON.stringify(created.error)).toBe(200);
        const { key } = created.data as { readonly key: string };
        // B signs the key in once, so it is cached there.
        expect(await asked(key)).toBe(200);
        expect(await asked(key, (await setStatus("deactivate")).auditId)).toBe(401);
        await setStatus("reactivate");
      }
    } finally {
      await writer.dispose();
    }
  }, 300_000);

  it(`may, asked of B atLeast a writer's token, answers by that change (${KEY_ROUNDS} grants and removals)`, async () => {
    const { b } = origins();
    const person = await signIn(b, "customeruser@acme.example");
    const writer = writerRuntime();
    /** Whether B lets the person create an API key (a super admin's call), asked atLeast `token`. */
    const mayCreateKey = async (atLeast: string) => {
      const answer = await call(
        b,
        "query",
        "may",
        { procedure: "apiKeys.create", input: { name: "k" }, atLeast },
        person,
      );
      expect(answer.status, JSON.stringify(answer.error)).toBe(200);
      return (answer.data as { readonly allowed: boolean }).allowed;
    };
    /** The writer's change to the person's Super Admin, committed without waiting for any engine. */
    const write = (action: "grant.create" | "grant.delete", id: string) =>
      writer.runPromise(
        Effect.gen(function* () {
          const grants = yield* Grants;
          return yield* (yield* Mutations).mutate({
            actor: { kind: "system" },
            org: "acme",
            action,
            target: { kind: "grant", id },
            run:
              action === "grant.create"
                ? grants.create({
                    id,
                    subject: { kind: "user", id: "demo-customeruser" },
                    role: "admin-center:super-admin",
                    scope: { org: "acme" },
                  })
                : (grants.remove(id, 1) as Effect.Effect<Written<unknown>, unknown>),
          });
        }),
      );
    try {
      for (let round = 0; round < KEY_ROUNDS; round++) {
        const id = `g-may-${round}`;
        expect(await mayCreateKey((await write("grant.create", id)).auditId)).toBe(true);
        expect(await mayCreateKey((await write("grant.delete", id)).auditId)).toBe(false);
      }
    } finally {
      await writer.dispose();
    }
  }, 300_000);

  it("a token from the future fails on B after the bounded wait with PRECONDITION_FAILED", async () => {
    const { a, b } = origins();
    const admin = await signIn(a, "admin@acme.example");
    const future = "9223372036854775807";
    const answer = await call(b, "query", "authz.check", { ...question, atLeast: future }, admin);
    expect(answer.status).toBe(412);
    expect(answer.error?.data.code).toBe("PRECONDITION_FAILED");
    expect(answer.error?.message).toBe(`This server has not yet applied change ${future}; try again`);
    // B still answers: the wait held nothing up.
    expect(await call(b, "query", "authz.check", question, admin)).toMatchObject({
      status: 200,
      data: "deny",
    });
  }, 60_000);
});

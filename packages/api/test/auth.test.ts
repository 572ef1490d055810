// Sign-in through app.request over a demo database (PGlite): login and its cookies, the limiter, operators,
// logout, CSRF on cookie-authenticated mutations, API keys by bearer header, and no secret stored in clear.
import { EngineSync } from "@gatehouse/store";
import { Effect, ManagedRuntime } from "effect";
import { SqlClient } from "effect/sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.ts";
import { serverLayer } from "../src/server-layer.ts";
import { demoPglite } from "./support/demo-api.ts";
import { type Answer, type Call, cookieOf, trpcRequest } from "./support/trpc-request.ts";

const password = "gatehouse-demo";
const runtime = ManagedRuntime.make(serverLayer(demoPglite()));
let app: ReturnType<typeof createApp>;
/** Every secret the server handed out, to look for in the database at the end. */
const issued: string[] = [];

beforeAll(async () => {
  const sync = await runtime.runPromise(Effect.service(EngineSync));
  app = createApp({ engine: () => sync.engine, store: runtime, trustProxy: true, appsDir: "/nonexistent" });
}, 60_000);
afterAll(() => runtime.dispose());

/** Every call comes from a client address (the app trusts the proxy); the limiter counts by it. */
const send = (method: "GET" | "POST", path: string, input: unknown, call: Call) =>
  trpcRequest(app, method, path, input, { ...call, ip: call.ip ?? "192.0.2.1" });
const mutate = (path: string, input: unknown, call: Call = {}) => send("POST", path, input, call);
const query = (path: string, call: Call = {}) => send("GET", path, undefined, call);

interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly answer: Answer;
}

const signIn = async (email: string, call: Call = {}): Promise<Session> => {
  const answer = await mutate("auth.login", { email, password }, call);
  expect(answer.status).toBe(200);
  const token = cookieOf(answer, "gatehouse_session").value ?? "";
  const csrf = (answer.data as { csrfToken: string }).csrfToken;
  issued.push(token, csrf);
  return { cookie: `gatehouse_session=${token}; gatehouse_csrf=${csrf}`, csrf, answer };
};

const rows = <A extends object>(statement: string) =>
  runtime.runPromise(
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient;
      return yield* sql.unsafe<A>(statement);
    }),
  );

describe("sign-in", () => {
  it("signs the super admin in with an HttpOnly, SameSite=Lax cookie, and me answers who it is", async () => {
    const { answer, cookie, csrf } = await signIn("Admin@Acme.example", { ip: "192.0.2.10" });
    const session = cookieOf(answer, "gatehouse_session");
    expect(session.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.header).toContain("HttpOnly");
    expect(session.header).toContain("SameSite=Lax");
    expect(session.header).toContain("Path=/");
    expect(session.header).not.toContain("Secure");
    const csrfCookie = cookieOf(answer, "gatehouse_csrf");
    expect(csrfCookie.value).toBe(csrf);
    expect(csrfCookie.header).not.toContain("HttpOnly");
    expect(answer.data).toMatchObject({ kind: "user", id: "demo-admin" });

    const me = await query("auth.me", { cookie });
    expect(me.status).toBe(200);
    expect(me.data).toEqual({
      kind: "user",
      id: "demo-admin",
      email: "admin@acme.example",
      name: expect.any(String),
      org: "acme",
      landing: "products",
      sections: [
        "products",
        "users",
        "groups",
        "roles",
        "invitations",
        "access-requests",
        "access-matrix",
        "audit",
        "api-keys",
      ],
      nextLapseInMs: null,
    });
    expect((await query("auth.me")).status).toBe(401);
    expect((await query("auth.me", { cookie: "gatehouse_session=forged" })).status).toBe(401);
  });

  it.each([
    [
      "product-admin@acme.example",
      "instances:cms",
      ["products", "groups", "roles", "invitations", "access-matrix", "audit"],
    ],
    ["instance-admin@acme.example", "users:instance:cms/acme-cms", ["products", "invitations", "audit"]],
    ["project-owner@acme.example", "users:project:acme-checkout", ["projects", "invitations", "audit"]],
    ["customeruser@acme.example", "none", []],
  ])(
    "me tells %s its landing (%s) and the Admin Center sections it may use",
    async (email, landing, sections) => {
      const { cookie } = await signIn(email, { ip: "192.0.2.12" });
      const me = await query("auth.me", { cookie });
      expect(me.data).toMatchObject({ landing, sections });
    },
  );

  it("marks the cookies Secure over https, and believes x-forwarded-proto only behind a trusted proxy", async () => {
    const direct = await signIn("customeruser@acme.example", {
      origin: "https://localhost",
      ip: "192.0.2.11",
    });
    expect(cookieOf(direct.answer, "gatehouse_session").header).toContain("Secure");
    const proxied = await signIn("customeruser@acme.example", {
      ip: "192.0.2.11",
      headers: { "x-forwarded-proto": "https" },
    });
    expect(cookieOf(proxied.answer, "gatehouse_session").header).toContain("Secure");

    const sync = await runtime.runPromise(Effect.service(EngineSync));
    const untrusting = createApp({
      engine: () => sync.engine,
      store: runtime,
      trustProxy: false,
      appsDir: "/x",
    });
    const res = await untrusting.request("http://localhost/trpc/auth.login", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-proto": "https" },
      body: JSON.stringify({ email: "customeruser@acme.example", password }),
    });
    expect(res.status).toBe(200);
    const header = res.headers.getSetCookie().find((c) => c.startsWith("gatehouse_session="));
    issued.push(header?.slice("gatehouse_session=".length).split(";")[0] ?? "");
    expect(header).not.toContain("Secure");
  });

  it("refuses a wrong password and an unknown email alike, with no cookie", async () => {
    const wrong = await mutate(
      "auth.login",
      { email: "admin@acme.example", password: "nope" },
      { ip: "192.0.2.12" },
    );
    const unknown = await mutate(
      "auth.login",
      { email: "nobody@acme.example", password },
      { ip: "192.0.2.12" },
    );
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.error?.data.code).toBe("UNAUTHORIZED");
      expect(answer.error?.message).toBe("Wrong email or password");
      expect(answer.cookies).toEqual([]);
    }
    const bad = await mutate("auth.login", { email: "admin@acme.example" }, { ip: "192.0.2.12" });
    expect(bad.status).toBe(400);
    expect(bad.error?.data.code).toBe("BAD_REQUEST");
  });

  it("refuses the 6th attempt after 5 failures for one account, even with the right password", async () => {
    const email = "product-admin@acme.example";
    for (let i = 0; i < 5; i++) {
      const ip = `198.51.100.${i + 1}`;
      expect((await mutate("auth.login", { email, password: "wrong" }, { ip })).status).toBe(401);
    }
    const sixth = await mutate("auth.login", { email, password }, { ip: "198.51.100.99" });
    expect(sixth.status).toBe(429);
    expect(sixth.error?.data.code).toBe("TOO_MANY_REQUESTS");
    expect(sixth.cookies).toEqual([]);
    // Another account from the same addresses is unaffected.
    await signIn("instance-admin@acme.example", { ip: "198.51.100.1" });
  });

  it("guesses from elsewhere do not lock an account out at an address it signed in from", async () => {
    const email = "exp-administrator@acme.example";
    const home = { ip: "192.0.2.77" };
    await signIn(email, home);
    for (let i = 0; i < 5; i++) {
      const ip = `198.51.100.${120 + i}`;
      expect((await mutate("auth.login", { email, password: "wrong" }, { ip })).status).toBe(401);
    }
    // Locked for every address it is not known at, the right password included…
    expect((await mutate("auth.login", { email, password }, { ip: "198.51.100.130" })).status).toBe(429);
    // …but not at home; and signing in there does not lift the lock elsewhere (audit G finding 2)…
    await signIn(email, home);
    expect((await mutate("auth.login", { email, password: "wrong" }, { ip: "198.51.100.131" })).status).toBe(
      429,
    );
    // …while its own (address, account) counter still stops guesses at home after five.
    for (let i = 0; i < 5; i++)
      expect((await mutate("auth.login", { email, password: "wrong" }, home)).status).toBe(401);
    expect((await mutate("auth.login", { email, password }, home)).status).toBe(429);
  }, 30_000);

  it("reads the client's address from the proxy's own x-forwarded-for entry, the last (audit G finding 3)", async () => {
    const email = "customeradmin@acme.example";
    await signIn(email, { ip: "192.0.2.88" });
    // Guesses that name the holder's address first, as a client may, come from the proxy's last entry.
    for (let i = 0; i < 6; i++) {
      const answer = await mutate(
        "auth.login",
        { email, password: "wrong" },
        { ip: "192.0.2.88, 203.0.113.90" },
      );
      expect(answer.status).toBe(i < 5 ? 401 : 429);
    }
    await signIn(email, { ip: "192.0.2.88" });
  }, 30_000);

  it("refuses an address after 20 failures, for any account not known there", async () => {
    const ip = "203.0.113.7";
    for (let i = 0; i < 20; i++) {
      const email = `nobody-${i}@acme.example`;
      expect((await mutate("auth.login", { email, password }, { ip })).status).toBe(401);
    }
    const next = await mutate("auth.login", { email: "project-owner@acme.example", password }, { ip });
    expect(next.status).toBe(429);
    await signIn("project-owner@acme.example", { ip: "203.0.113.8" });
  }, 30_000);

  it("a spray from a shared address does not lock out the accounts known there (issue 10, finding 13)", async () => {
    // A corporate NAT: two colleagues have signed in from it before; then someone behind it sprays.
    const nat = { ip: "203.0.113.50" };
    await signIn("exp-viewer@acme.example", nat);
    await signIn("exp-editor@acme.example", nat);
    for (let i = 0; i < 25; i++) {
      const email = `sprayed-${i}@acme.example`;
      const answer = await mutate("auth.login", { email, password }, nat);
      expect(answer.status).toBe(i < 20 ? 401 : 429);
    }
    // The colleagues' right passwords still work (only their own account counters stop them)…
    await signIn("exp-viewer@acme.example", nat);
    await signIn("exp-editor@acme.example", nat);
    expect(
      (await mutate("auth.login", { email: "exp-viewer@acme.example", password: "x" }, nat)).status,
    ).toBe(401);
    // …while the spray stays stopped for every account not known at that address, right password or not.
    const stranger = await mutate("auth.login", { email: "exp-publisher@acme.example", password }, nat);
    expect(stranger.status).toBe(429);
    await signIn("exp-publisher@acme.example", { ip: "203.0.113.51" });
  }, 60_000);

  it("concurrent sign-ins are no failures, and concurrent guesses do not overshoot the account limit", async () => {
    const ip = "203.0.113.60";
    const at = (i: number) => ({ ip: `${ip.slice(0, -2)}${70 + i}` });
    const right = await Promise.all(
      Array.from({ length: 12 }, () =>
        mutate("auth.login", { email: "exp-publisher@acme.example", password }, { ip }),
      ),
    );
    expect(right.map((a) => a.status)).toEqual(right.map(() => 200));
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        mutate("auth.login", { email: "exp-project-owner@acme.example", password: `guess-${i}` }, at(i)),
      ),
    );
    const statuses = guesses.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
  }, 60_000);

  it("signs the operator in; it belongs to no organization", async () => {
    const { cookie } = await signIn("operator@gatehouse.example", { ip: "192.0.2.13" });
    const me = await query("auth.me", { cookie });
    expect(me.data).toEqual({
      kind: "operator",
      id: "op-demo",
      email: "operator@gatehouse.example",
      name: expect.any(String),
    });
    const sync = await runtime.runPromise(Effect.service(EngineSync));
    expect(() => sync.engine.landing("op-demo")).toThrow();
    expect(await rows("select id from users where id = 'op-demo'")).toEqual([]);
    expect((await query("apiKeys.list", { cookie })).status).toBe(403);
  });

  it("logs out: the old cookie no longer signs anyone in, and the cookies are cleared", async () => {
    const { cookie, csrf } = await signIn("customerdev@acme.example", { ip: "192.0.2.14" });
    expect((await query("auth.me", { cookie })).status).toBe(200);
    const out = await mutate("auth.logout", {}, { cookie, csrf });
    expect(out.status).toBe(200);
    expect(out.data).toEqual({ signedOut: true });
    expect(cookieOf(out, "gatehouse_session").header).toContain("Max-Age=0");
    expect(cookieOf(out, "gatehouse_csrf").header).toContain("Max-Age=0");
    expect((await query("auth.me", { cookie })).status).toBe(401);
  });
});

describe("CSRF on cookie-authenticated mutations", () => {
  it("refuses a mutation without the right x-csrf-token (403, nothing changes) and runs it with it", async () => {
    const { cookie, csrf } = await signIn("admin@acme.example", { ip: "192.0.2.20" });
    const count = async () => (await rows<{ n: number }>("select count(*)::int as n from api_keys"))[0]?.n;
    const before = await count();
    for (const header of [undefined, "wrong", `${csrf}x`]) {
      const refused = await mutate(
        "apiKeys.create",
        { name: "No token" },
        { cookie, ...(header ? { csrf: header } : {}) },
      );
      expect(refused.status).toBe(403);
      expect(refused.error?.message).toContain("x-csrf-token");
      expect(await count()).toBe(before);
    }
    // Logout is a mutation too: without the token the session survives.
    expect((await mutate("auth.logout", {}, { cookie })).status).toBe(403);
    expect((await query("auth.me", { cookie })).status).toBe(200);

    const made = await mutate("apiKeys.create", { name: "With token" }, { cookie, csrf });
    expect(made.status).toBe(200);
    issued.push((made.data as { key: string }).key);
    expect(await count()).toBe((before ?? 0) + 1);
  });
});

describe("API keys", () => {
  it("are shown once, listed without secrets, authenticate bearer requests until revoked", async () => {
    const { cookie, csrf } = await signIn("admin@acme.example", { ip: "192.0.2.30" });
    const created = await mutate("apiKeys.create", { name: "  Checkout backend " }, { cookie, csrf });
    expect(created.status).toBe(200);
    const { key, id, prefix, name } = created.data as {
      key: string;
      id: string;
      prefix: string;
      name: string;
    };
    issued.push(key);
    expect(key).toMatch(/^gh_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(prefix)).toBe(true);
    expect(name).toBe("Checkout backend");

    const listed = await query("apiKeys.list", { cookie });
    expect(listed.status).toBe(200);
    const entry = (listed.data as ReadonlyArray<Record<string, unknown>>).find((k) => k.id === id);
    expect(entry).toMatchObject({
      id,
      prefix,
      name,
      revokedAt: null,
      createdBy: "demo-admin",
      createdByName: "Ada Admin",
    });
    expect(JSON.stringify(listed.data)).not.toContain(key);
    expect(Object.keys(entry ?? {})).not.toContain("key");

    const me = await query("auth.me", { bearer: key });
    expect(me.data).toEqual({ kind: "api-key", id, org: "acme" });
    // A bearer request needs no CSRF token (it carries no cookie); an API key is no super admin.
    const byKey = await mutate("apiKeys.create", { name: "From a key" }, { bearer: key });
    expect(byKey.status).toBe(403);
    expect(byKey.error?.message).toContain("read-only");
    expect((await query("auth.me", { bearer: "gh_not-a-real-key" })).status).toBe(401);

    // An admin below super admin may not manage keys.
    const other = await signIn("instance-admin@acme.example", { ip: "192.0.2.31" });
    const refused = await mutate("apiKeys.create", { name: "x" }, { cookie: other.cookie, csrf: other.csrf });
    expect(refused.status).toBe(403);

    const revoked = await mutate("apiKeys.revoke", { id }, { cookie, csrf });
    expect(revoked.status).toBe(200);
    expect((revoked.data as { revokedAt: string | null }).revokedAt).not.toBeNull();
    expect((await query("auth.me", { bearer: key })).status).toBe(401);
    expect((await mutate("apiKeys.revoke", { id }, { cookie, csrf })).status).toBe(409);
    expect((await mutate("apiKeys.revoke", { id: "key_none" }, { cookie, csrf })).status).toBe(404);

    const audit = await rows<{ action: string }>(
      "select action from audit_log where action like 'api-key.%' order by id",
    );
    expect(audit.map((a) => a.action)).toEqual(["api-key.create", "api-key.create", "api-key.revoke"]);
  });

  it("never stores a session token, CSRF token or API key in clear", async () => {
    expect(issued.length).toBeGreaterThan(10);
    const dump = await rows<{ row: string }>(
      `select row_to_json(t)::text as row from sessions t
       union all select row_to_json(t)::text from api_keys t
       union all select row_to_json(t)::text from audit_log t
       union all select row_to_json(t)::text from login_attempts t`,
    );
    const text = dump.map((r) => r.row).join("\n");
    expect(text).toContain("auth.login");
    for (const secret of issued) {
      expect(secret.length).toBeGreaterThan(20);
      expect(text).not.toContain(secret);
    }
    const sessions = await rows<{ id: string }>("select id from sessions");
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(s.id).toMatch(/^[0-9a-f]{64}$/);
  });
});

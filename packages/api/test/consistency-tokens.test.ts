// Consistency tokens through app.request over a demo database (PGlite): every write answers its audit id in the
// Gatehouse-Token header (a batch, the highest), and authz questions asked `atLeast` a token wait for it, bounded.

import { Duration } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, app } = demoApi("pglite", undefined, { atLeastWait: Duration.millis(300) });

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const editors = (id: string) => ({ subject: { kind: "user", id }, role: "cms:content-editors", scope: cms });

/** A raw tRPC request, for what the test helper hides: the response headers and batches. */
const raw = (path: string, init: RequestInit & { headers: Record<string, string> }, call: Call) =>
  app().request(`http://localhost/trpc/${path}`, {
    ...init,
    headers: {
      ...init.headers,
      ...(call.cookie === undefined ? {} : { cookie: call.cookie }),
      ...(call.csrf === undefined ? {} : { "x-csrf-token": call.csrf }),
    },
  });

const post = (path: string, input: unknown, call: Call) =>
  raw(
    path,
    { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) },
    call,
  );

const newestAudit = async (action: string) =>
  (
    await rows<{ id: string }>(
      `select id::text as id from audit_log where action = '${action}' order by id desc limit 1`,
    )
  )[0]?.id;

describe("consistency tokens", () => {
  it("a write answers its audit id as Gatehouse-Token; a batch the highest; a read answers none", async () => {
    const login = await post("auth.login", { email: "admin@acme.example", password: "gatehouse-demo" }, {});
    expect(login.headers.get("gatehouse-token")).toBe(await newestAudit("auth.login"));
    const admin = await signIn("admin@acme.example");

    const created = await post("grants.create", editors("demo-customeruser"), admin);
    expect(created.status).toBe(200);
    const token = created.headers.get("gatehouse-token");
    expect(token).toMatch(/^[0-9]+$/);
    expect(token).toBe(await newestAudit("grant.create"));

    const batch = await post(
      "grants.create,grants.create?batch=1",
      { 0: editors("demo-customerdev"), 1: editors("demo-customeradmin") },
      admin,
    );
    expect(batch.status).toBe(200);
    const both = await rows<{ id: string }>(
      "select id::text as id from audit_log where action = 'grant.create' order by id desc limit 2",
    );
    expect(both).toHaveLength(2);
    expect(batch.headers.get("gatehouse-token")).toBe(both[0]?.id);
    expect(BigInt(batch.headers.get("gatehouse-token") ?? "0")).toBeGreaterThan(BigInt(token ?? "0"));

    const read = await raw(
      `authz.check?input=${encodeURIComponent(JSON.stringify({ action: "cms:edit-view.access", resource: cms }))}`,
      { method: "GET", headers: {} },
      admin,
    );
    expect(read.status).toBe(200);
    expect(read.headers.get("gatehouse-token")).toBeNull();
  });

  it("check, checkMany, explain, whatCan and whoCan asked atLeast a token answer once it is applied", async () => {
    const admin = await signIn("admin@acme.example");
    const created = await post("grants.create", editors("demo-exp-viewer"), admin);
    expect(created.status).toBe(200);
    const atLeast = created.headers.get("gatehouse-token") ?? "";
    const question = { subject: "demo-exp-viewer", action: "cms:edit-view.access", resource: cms, atLeast };

    const check = await send("GET", "authz.check", question, admin);
    expect(check).toMatchObject({ status: 200, data: "allow" });
    const many = await send(
      "POST",
      "authz.checkMany",
      { subject: "demo-exp-viewer", checks: [{ action: "cms:edit-view.access", resource: cms }], atLeast },
      admin,
    );
    expect(many).toMatchObject({ status: 200, data: ["allow"] });
    // Leading zeros name the same change.
    expect(await send("GET", "authz.check", { ...question, atLeast: `000${atLeast}` }, admin)).toMatchObject({
      status: 200,
      data: "allow",
    });
    expect((await send("GET", "authz.explain", question, admin)).status).toBe(200);
    const whatCan = { subject: "demo-exp-viewer", resource: cms, atLeast };
    expect((await send("GET", "authz.whatCan", whatCan, admin)).status).toBe(200);
    const whoCan = { action: "cms:edit-view.access", resource: cms, atLeast };
    expect((await send("GET", "authz.whoCan", whoCan, admin)).status).toBe(200);
  });

  it("refuses a malformed token with 400 naming atLeast, before any wait", async () => {
    const admin = await signIn("admin@acme.example");
    for (const atLeast of ["", "12a", "-1", "1".repeat(20), "9223372036854775808", 12]) {
      const answer = await send(
        "GET",
        "authz.check",
        { action: "cms:edit-view.access", resource: cms, atLeast },
        admin,
      );
      expect(answer.status).toBe(400);
      expect(answer.error?.message).toContain("atLeast");
    }
  });

  it("a token this server has not applied fails after the wait with PRECONDITION_FAILED naming only that token", async () => {
    const admin = await signIn("admin@acme.example");
    const future = "9223372036854775807";
    const question = { action: "cms:edit-view.access", resource: cms, atLeast: future };
    const check = await send("GET", "authz.check", question, admin);
    expect(check.status).toBe(412);
    expect(check.error?.data.code).toBe("PRECONDITION_FAILED");
    expect(check.error?.message).toBe(`This server has not yet applied change ${future}; try again`);
    const many = await send(
      "POST",
      "authz.checkMany",
      { checks: [{ action: "cms:edit-view.access", resource: cms }], atLeast: future },
      admin,
    );
    expect(many.status).toBe(412);
    // Without a session nothing waits: the request is refused as any anonymous one.
    expect((await send("GET", "authz.check", question, {})).status).toBe(401);
  });
});

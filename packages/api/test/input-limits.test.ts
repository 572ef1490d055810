// Bad input is the caller's mistake, on PGlite and PostgreSQL alike: NUL characters, cursors beyond bigint and dates
// outside the accepted range are refused (400, naming the field) before any SQL; bodies, batches and lists are bounded.
import { SqlError } from "effect/sql";
import { describe, expect, it } from "vitest";
import { toTrpcError } from "../src/errors.ts";
import { pageOf } from "../src/list-page.ts";
import { MAX_BATCH_CALLS, MAX_BODY_BYTES } from "../src/request-limits.ts";
import { type Answer, demoApi } from "./support/demo-api.ts";

/** A 400 whose message is `message` (or matches it): the field named, nothing else said. */
const expectRefused = (answer: Answer, message: string | RegExp) => {
  expect(answer.status).toBe(400);
  if (typeof message === "string") expect(answer.error?.message).toBe(message);
  else expect(answer.error?.message).toMatch(message);
};

describe.each(["pglite", "postgres"] as const)("bad input on %s", (backend) => {
  const { send, signIn, auditCount } = demoApi(backend);

  it("refuses a NUL character in the unauthenticated sign-in, naming the field", async () => {
    const answer = await send("POST", "auth.login", { email: "admin@acme.example\u0000", password: "x" }, {});
    expectRefused(answer, "email: must not contain a NUL character");
  });

  it("refuses NUL characters in ids, scopes and names of signed-in calls", async () => {
    const admin = await signIn("admin@acme.example");
    const before = await auditCount();
    const list = await send(
      "GET",
      "grants.list",
      { org: "acme", scope: { org: "acme", product: "\u0000" } },
      admin,
    );
    expectRefused(list, "scope.product: must not contain a NUL character");
    const create = await send("POST", "groups.create", { org: "acme", name: "team\u0000" }, admin);
    expectRefused(create, "name: must not contain a NUL character");
    const flags = await send("GET", "flags.list", { project: "acme-checkout\u0000" }, admin);
    expectRefused(flags, "project: must not contain a NUL character");
    expect(await auditCount()).toBe(before);
  });

  it("refuses an audit cursor beyond PostgreSQL's bigint", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await send("GET", "audit.list", { org: "acme", cursor: "9999999999999999999" }, admin);
    expectRefused(answer, "cursor: must be the nextCursor of a previous page");
    const largest = await send("GET", "audit.list", { org: "acme", cursor: "9223372036854775807" }, admin);
    expect(largest.status).toBe(200);
  });

  it("refuses dates outside 1970 to 9999 and versions beyond a PostgreSQL integer", async () => {
    const admin = await signIn("admin@acme.example");
    const before = await auditCount();
    const grant = {
      subject: { kind: "user", id: "demo-customer-user" },
      role: "cms:viewer",
      scope: { org: "acme", product: "cms", instance: "acme-cms" },
    };
    for (const expiresAt of [
      "+275760-09-13T00:00:00.000Z",
      "-271821-04-20T00:00:00.000Z",
      "+010000-01-01T00:00:00.000Z",
      "1969-12-31T23:59:59.999Z",
    ]) {
      const answer = await send("POST", "grants.create", { ...grant, expiresAt }, admin);
      expectRefused(answer, "expiresAt: must be a date between 1970-01-01 and 9999-12-31");
    }
    const audit = await send(
      "GET",
      "audit.list",
      { org: "acme", from: "+100000-01-01T00:00:00.000Z" },
      admin,
    );
    expectRefused(audit, "from: must be a date between 1970-01-01 and 9999-12-31");
    const stale = await send("POST", "groups.remove", { id: "grp_x", version: 2 ** 31 }, admin);
    expectRefused(stale, /^version: /);
    expect(await auditCount()).toBe(before);
  });
});

describe("request size", () => {
  const { send, signIn, app } = demoApi();

  it(`refuses a body over ${MAX_BODY_BYTES} bytes with 413 and a message, declared or streamed`, async () => {
    const admin = await signIn("admin@acme.example");
    const headers = {
      "content-type": "application/json",
      cookie: admin.cookie ?? "",
      "x-csrf-token": admin.csrf ?? "",
    };
    const check = { action: "cms:content.publish", resource: { org: "acme" } };
    const huge = JSON.stringify({ checks: [check], padding: "x".repeat(50 * 1024 * 1024) });
    const declared = await app().request("http://localhost/trpc/authz.checkMany", {
      method: "POST",
      headers,
      body: huge,
    });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { error: { message: string } }).error.message).toBe(
      "The request body is larger than 1 MB; send less at once",
    );

    // A body without a declared length is read only up to the limit: the stream is not drained.
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 800) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await app().request("http://localhost/trpc/authz.checkMany", {
      method: "POST",
      headers,
      body,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(pulled * chunk.length).toBeLessThan(2 * MAX_BODY_BYTES);

    const small = await send("POST", "authz.checkMany", { checks: [check] }, admin);
    expect(small.status).toBe(200);
  });

  it(`refuses a batch of more than ${MAX_BATCH_CALLS} calls`, async () => {
    const admin = await signIn("admin@acme.example");
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => "catalog.products").join(",");
      return app().request(`http://localhost/trpc/${paths}?batch=1`, {
        headers: { cookie: admin.cookie ?? "" },
      });
    };
    expect((await batch(MAX_BATCH_CALLS)).status).toBe(200);
    expect((await batch(MAX_BATCH_CALLS + 1)).status).toBe(400);
  });
});

describe("bounded lists", () => {
  const { send, signIn } = demoApi();

  it("answers every list a page of at most 1,000, paged by offset and limit", async () => {
    const admin = await signIn("admin@acme.example");
    const lists = [
      ["grants.list", { org: "acme" }],
      ["groups.list", { org: "acme" }],
      ["roles.list", {}],
      ["invitations.list", { org: "acme" }],
      ["accessRequests.list", { org: "acme" }],
      ["authz.whoCan", { action: "cms:content.publish", resource: { org: "acme" } }],
    ] as const;
    for (const [path, input] of lists) {
      const all = (await send("GET", path, input, admin)).data as unknown[];
      const first = await send("GET", path, { ...input, limit: 1 }, admin);
      expect(first.status, path).toBe(200);
      expect(first.data, path).toEqual(all.slice(0, 1));
      const second = await send("GET", path, { ...input, offset: 1, limit: 1 }, admin);
      expect(second.data, path).toEqual(all.slice(1, 2));
      const tooMany = await send("GET", path, { ...input, limit: 1001 }, admin);
      expect(tooMany.status, path).toBe(400);
      expect(tooMany.error?.message, path).toMatch(/^limit: /);
    }
  });

  it("keeps the first 1,000 entries when no limit is given", () => {
    const entries = Array.from({ length: 2500 }, (_, i) => i);
    expect(pageOf(entries, {})).toEqual(entries.slice(0, 1000));
    expect(pageOf(entries, { offset: 2000 })).toEqual(entries.slice(2000, 2500));
  });
});

describe("the backstop behind the schemas", () => {
  const sqlError = (code: string) =>
    new SqlError.SqlError({
      reason: new SqlError.UnknownError({ cause: { code }, message: "from the driver" }),
    });

  it("makes a PostgreSQL data exception a 400 without the database's words, and keeps other SQL errors internal", () => {
    const refused = toTrpcError(sqlError("22021"));
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).not.toContain("driver");
    expect(toTrpcError(sqlError("22003")).code).toBe("BAD_REQUEST");
    expect(toTrpcError(sqlError("08006")).code).toBe("INTERNAL_SERVER_ERROR");
    expect(toTrpcError(new Error("boom")).code).toBe("INTERNAL_SERVER_ERROR");
  });
});

// The authz router through a tRPC caller: decisions, explanations, who may ask about whom, and errors;
// plus checkMany's HTTP shape through a small Hono app around the same router. No server is started.
import { Engine, type Resource } from "@gatehouse/domain";
import { trpcServer } from "@hono/trpc-server";
import { TRPCError } from "@trpc/server";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { WrittenPosition } from "../src/consistency.ts";
import type { Actor } from "../src/context.ts";
import { appRouter } from "../src/root.ts";

const MC = "mission-control";
const mc1: Resource = { org: "acme", product: MC, instance: "mc1" };
const globexMc: Resource = { org: "globex", product: MC, instance: "mc9" };

const engine = new Engine();
const snap = engine.snapshot;
snap.addUser("alice", "acme");
snap.addUser("bob", "acme");
snap.addUser("root", "acme");
snap.addUser("gina", "globex");
snap.addGrant({ id: "g-alice", subject: "alice", scope: mc1, role: `${MC}:customerUser` });
snap.addGrant({ id: "g-root", subject: "root", scope: { org: "acme" }, role: "admin-center:super-admin" });
snap.addGrant({ id: "g-gina", subject: "gina", scope: globexMc, role: `${MC}:customerAdmin` });

const user = (id: string): Actor => ({ kind: "user", id, org: "acme" });
const apiKey: Actor = { kind: "api-key", id: "key-acme", org: "acme" };
const operator: Actor = { kind: "operator", id: "op" };
const caller = (actor: Actor | undefined) =>
  appRouter.createCaller({ engine, requestId: "t", actor, written: new WrittenPosition() });

/** The tRPC error code a call fails with. */
const codeOf = async (call: Promise<unknown>): Promise<string> => {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return (error as TRPCError).code;
};

/** The fields a call's BAD_REQUEST names (the paths of its schema issues). */
const invalidFields = async (call: Promise<unknown>): Promise<ReadonlyArray<string>> => {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  expect((error as TRPCError).code).toBe("BAD_REQUEST");
  const cause = (error as TRPCError).cause as {
    issues?: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey> }>;
  };
  return (cause.issues ?? []).map((i) => (i.path ?? []).map(String).join("."));
};

describe("authz.check and checkMany", () => {
  it("answers the actor's own checks", async () => {
    const alice = caller(user("alice"));
    expect(await alice.authz.check({ action: `${MC}:site.view`, resource: mc1 })).toBe("allow");
    expect(await alice.authz.check({ action: `${MC}:code.deploy`, resource: mc1 })).toBe("deny");
    expect(await alice.authz.check({ subject: "alice", action: `${MC}:site.view`, resource: globexMc })).toBe(
      "deny",
    );
  });

  it("keeps checkMany's answers in the order of the checks", async () => {
    const answers = await caller(user("alice")).authz.checkMany({
      checks: [
        { action: `${MC}:code.deploy`, resource: mc1 },
        { action: `${MC}:site.view`, resource: mc1 },
        { action: `${MC}:site.view`, resource: { ...mc1, instance: "mc2" } },
        { action: `${MC}:site.view`, resource: mc1 },
      ],
    });
    expect(answers).toEqual(["deny", "allow", "deny", "allow"]);
  });

  it("refuses an empty checkMany and one over 1000 checks", async () => {
    const alice = caller(user("alice"));
    expect(await codeOf(alice.authz.checkMany({ checks: [] }))).toBe("BAD_REQUEST");
    const many = Array.from({ length: 1001 }, () => ({ action: `${MC}:site.view`, resource: mc1 }));
    expect(await codeOf(alice.authz.checkMany({ checks: many }))).toBe("BAD_REQUEST");
    expect(await alice.authz.checkMany({ checks: many.slice(1) })).toHaveLength(1000);
  });
});

describe("authz.explain, whoCan and whatCan", () => {
  it("names the deciding grant of an allow and the nearest grant of a deny", async () => {
    const alice = caller(user("alice"));
    const allow = await alice.authz.explain({ action: `${MC}:site.view`, resource: mc1 });
    expect(allow.decision).toBe("allow");
    expect(allow.deciding.map((g) => g.id)).toEqual(["g-alice"]);
    // Roles and actions by their catalog names, the ids alongside.
    expect(allow.reason).toBe("allowed by customerUser");
    expect(allow.deciding[0]).toMatchObject({ role: `${MC}:customerUser`, roleName: "customerUser" });
    expect(allow.actionName).toBe("View the site and its environment");
    const deny = await alice.authz.explain({ action: `${MC}:code.deploy`, resource: mc1 });
    expect(deny.decision).toBe("deny");
    expect(deny.nearest?.id).toBe("g-alice");
  });

  it("lists who can act on a resource for a super admin and refuses a plain user", async () => {
    expect(await caller(user("root")).authz.whoCan({ action: `${MC}:site.view`, resource: mc1 })).toEqual([
      "alice",
    ]);
    expect(
      await codeOf(caller(user("alice")).authz.whoCan({ action: `${MC}:site.view`, resource: mc1 })),
    ).toBe("FORBIDDEN");
  });

  it("lists what the actor can do on a resource", async () => {
    expect(await caller(user("alice")).authz.whatCan({ resource: mc1 })).toEqual([
      `${MC}:site.view`,
      `${MC}:site.restart`,
      `${MC}:database.backup`,
    ]);
  });
});

describe("who may ask about whom", () => {
  const aboutBob = { subject: "bob", action: `${MC}:site.view`, resource: mc1 };

  it("forbids a plain user to ask about another subject and lets a super admin", async () => {
    const alice = caller(user("alice"));
    expect(await codeOf(alice.authz.check(aboutBob))).toBe("FORBIDDEN");
    expect(await codeOf(alice.authz.checkMany({ subject: "bob", checks: [aboutBob] }))).toBe("FORBIDDEN");
    expect(await codeOf(alice.authz.explain(aboutBob))).toBe("FORBIDDEN");
    expect(await codeOf(alice.authz.whatCan({ subject: "bob", resource: mc1 }))).toBe("FORBIDDEN");
    const root = caller(user("root"));
    expect(await root.authz.check(aboutBob)).toBe("deny");
    expect(await root.authz.check({ ...aboutBob, subject: "alice" })).toBe("allow");
    expect(await root.authz.whatCan({ subject: "alice", resource: mc1 })).toContain(`${MC}:site.restart`);
  });

  it("answers a super admin about another org's subjects and resources as about made-up ones", async () => {
    const root = caller(user("root"));
    const aboutGina = root.authz.check({ subject: "gina", action: `${MC}:site.view`, resource: mc1 });
    const aboutNobody = root.authz.check({ subject: "nobody", action: `${MC}:site.view`, resource: mc1 });
    const refusal = (await aboutNobody.catch((e: TRPCError) => e)) as TRPCError;
    expect(refusal.code).toBe("BAD_REQUEST");
    await expect(aboutGina).rejects.toMatchObject({
      code: refusal.code,
      message: refusal.message.replace("nobody", "gina"),
    });
    const onGlobex = root.authz.check({ subject: "gina", action: `${MC}:site.view`, resource: globexMc });
    expect(await codeOf(onGlobex)).toBe("NOT_FOUND");
    const mixed = { subject: "alice", checks: [aboutBob, { action: `${MC}:site.view`, resource: globexMc }] };
    expect(await codeOf(root.authz.checkMany(mixed))).toBe("NOT_FOUND");
  });

  it("limits an API key to subjects and resources of its own org", async () => {
    const key = caller(apiKey);
    expect(await key.authz.check({ subject: "alice", action: `${MC}:site.view`, resource: mc1 })).toBe(
      "allow",
    );
    expect(await key.authz.checkMany({ subject: "bob", checks: [aboutBob] })).toEqual(["deny"]);
    expect(await key.authz.whoCan({ action: `${MC}:site.view`, resource: mc1 })).toEqual(["alice"]);
    expect(await codeOf(key.authz.check({ subject: "gina", action: `${MC}:site.view`, resource: mc1 }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await codeOf(key.authz.check({ subject: "alice", action: `${MC}:site.view`, resource: globexMc })),
    ).toBe("NOT_FOUND");
    expect(await codeOf(key.authz.whoCan({ action: `${MC}:site.view`, resource: globexMc }))).toBe(
      "NOT_FOUND",
    );
    expect(await codeOf(key.authz.check({ action: `${MC}:site.view`, resource: mc1 }))).toBe("BAD_REQUEST");
  });

  it("lets an API key ask about a partner user holding grants in its org, and no other partner user", async () => {
    const world = new Engine();
    world.snapshot.setOrg("acme", { kind: "customer", products: new Set([MC]) });
    world.snapshot.setOrg("agency", { kind: "partner", products: new Set([MC]) });
    world.snapshot.addUser("alice", "acme");
    world.snapshot.addUser("pat", "agency");
    world.snapshot.addUser("paula", "agency");
    world.snapshot.addGrant({ id: "g-pat", subject: "pat", scope: mc1, role: `${MC}:partnerUser` });
    const key = appRouter.createCaller({
      engine: world,
      requestId: "t",
      actor: apiKey,
      written: new WrittenPosition(),
    });
    expect(await key.authz.check({ subject: "pat", action: `${MC}:site.view`, resource: mc1 })).toBe("allow");
    expect(
      await codeOf(key.authz.check({ subject: "paula", action: `${MC}:site.view`, resource: mc1 })),
    ).toBe("BAD_REQUEST");
    const agencyKey = appRouter.createCaller({
      engine: world,
      requestId: "t",
      actor: { kind: "api-key", id: "key-agency", org: "agency" },
      written: new WrittenPosition(),
    });
    expect(
      await codeOf(agencyKey.authz.check({ subject: "alice", action: `${MC}:site.view`, resource: mc1 })),
    ).toBe("NOT_FOUND");
  });

  it("lets the operator ask about anyone anywhere", async () => {
    const op = caller(operator);
    expect(await op.authz.check({ subject: "gina", action: `${MC}:code.deploy`, resource: globexMc })).toBe(
      "allow",
    );
    expect(await op.authz.whoCan({ action: `${MC}:site.view`, resource: globexMc })).toEqual(["gina"]);
  });
});

describe("authz errors", () => {
  it("answers UNAUTHORIZED without an actor", async () => {
    expect(await codeOf(caller(undefined).authz.check({ action: `${MC}:site.view`, resource: mc1 }))).toBe(
      "UNAUTHORIZED",
    );
    expect(await codeOf(caller(undefined).authz.whoCan({ action: `${MC}:site.view`, resource: mc1 }))).toBe(
      "UNAUTHORIZED",
    );
  });

  it("answers BAD_REQUEST with the engine's message for an unknown action or subject", async () => {
    const root = caller(user("root"));
    const unknownAction = root.authz.check({ action: `${MC}:site.launch`, resource: mc1 });
    await expect(unknownAction).rejects.toMatchObject({ code: "BAD_REQUEST", message: /Unknown action/ });
    const unknownSubject = root.authz.check({ subject: "nobody", action: `${MC}:site.view`, resource: mc1 });
    await expect(unknownSubject).rejects.toMatchObject({ code: "BAD_REQUEST", message: /Unknown subject/ });
  });

  it("answers BAD_REQUEST naming the field for bad input", async () => {
    const alice = caller(user("alice"));
    // Deliberately malformed inputs, as an untyped client could send them.
    const missingAction = alice.authz.check({ resource: mc1 } as unknown as {
      action: string;
      resource: Resource;
    });
    expect(await invalidFields(missingAction)).toEqual(["action"]);
    const badOrg = alice.authz.check({ action: `${MC}:site.view`, resource: { org: "" } });
    expect(await invalidFields(badOrg)).toEqual(["resource.org"]);
    const secondCheck = alice.authz.checkMany({
      checks: [{ action: `${MC}:site.view`, resource: mc1 }, { resource: mc1 }],
    } as unknown as { checks: Array<{ action: string; resource: Resource }> });
    expect(await invalidFields(secondCheck)).toEqual(["checks.1.action"]);
  });
});

describe("authz over HTTP", () => {
  const app = new Hono();
  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      createContext: () => ({ engine, requestId: "t", actor: apiKey, written: new WrittenPosition() }),
    }),
  );

  it("answers a checkMany POST with tRPC's JSON body", async () => {
    const res = await app.request("/trpc/authz.checkMany", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        subject: "alice",
        checks: [
          { action: `${MC}:site.view`, resource: mc1 },
          { action: `${MC}:code.deploy`, resource: mc1 },
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ result: { data: ["allow", "deny"] } });
  });

  it("answers 400 naming the field for a checkMany without checks", async () => {
    const res = await app.request("/trpc/authz.checkMany", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ subject: "alice" }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: { code: string } } };
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.message).toMatch(/^checks: /);
  });
});

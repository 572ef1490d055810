// Assignments no actor could make, through the API (docs/decisions.md#assignments): grants.create, whatIf, may and
// the assignable questions answer a 400 naming the reason (or `invalid` where they return decisions), never a 500,
// and nothing is written.
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount, runtime } = demoApi();

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const checkout = { org: "acme", product: "experimentation", instance: "acme-exp", project: "acme-checkout" };
const user = { kind: "user", id: "demo-customeruser" } as const;
const partner = { kind: "user", id: "demo-partneruser" } as const;

/** Requests no actor could make, each with the phrase its refusal must contain. */
const impossible: ReadonlyArray<readonly [what: string, input: object, reason: string]> = [
  [
    "a scope with a gap",
    { subject: user, role: "cms:content-editors", scope: { org: "acme", product: "cms", project: "p1" } },
    "below a missing one",
  ],
  [
    "a role at another product's scope",
    { subject: user, role: "odp:analyst", scope: cms },
    "roles of Optimizely Data Platform cannot be granted at a scope of CMS",
  ],
  [
    "a permission at another product's scope",
    { subject: user, permission: "odp:report.view", scope: cms },
    "permissions of Optimizely Data Platform cannot be granted at a scope of CMS",
  ],
  [
    "a product role at the organization",
    { subject: user, role: "cms:content-editors", scope: { org: "acme" } },
    "roles of CMS cannot be granted at the scope of the whole organization",
  ],
  [
    "an environment role at a project",
    { subject: user, role: "experimentation:env-publisher", scope: checkout },
    "experimentation:env-publisher is granted at environment level, not at project level",
  ],
  [
    "a CMS role for a partner's user",
    { subject: partner, role: "cms:content-editors", scope: cms },
    "only Mission Control roles reach across organizations, and only for partner users",
  ],
];

const grantCount = async () => (await rows<{ n: number }>("select count(*)::int as n from grants"))[0]?.n;

const refusal = async (call: Call, procedure: string, input: object) => {
  const answer = await send(procedure === "whatIf.preview" ? "GET" : "POST", procedure, input, call);
  return { status: answer.status, message: answer.error?.message ?? "" };
};

describe("assignments no actor could make", () => {
  it("the demo world stores none: the engine holds no grant aside", async () => {
    const { engine } = await runtime.runPromise(Effect.service(EngineSync));
    expect(engine.snapshot.grants.size).toBeGreaterThan(0);
    expect([...engine.snapshot.setAside.values()].map((a) => a.reason)).toEqual([]);
  });

  for (const [what, input, reason] of impossible)
    it(`${what}: grants.create and may answer 400 with the reason, whatIf 400; nothing written`, async () => {
      const admin = await signIn("admin@acme.example");
      const [grants, audits] = [await grantCount(), await auditCount()];
      const created = await refusal(admin, "grants.create", input);
      expect(created.status).toBe(400);
      expect(created.message).toContain(reason);
      const may = await send("GET", "may", { procedure: "grants.create", input }, admin);
      expect(may.data).toEqual({ allowed: false, code: "BAD_REQUEST", reason: created.message });
      const { subject, ...gives } = input as { subject: { id: string } };
      const preview = await refusal(admin, "whatIf.preview", {
        subject: subject.id,
        change: { kind: "create", ...gives },
      });
      expect(preview.status).toBe(400);
      expect(await grantCount()).toBe(grants);
      expect(await auditCount()).toBe(audits);
    });

  it("a Web-only role at a Feature project: every path that gives it answers 400, may too; nothing written", async () => {
    const homepage = { ...checkout, project: "acme-homepage" };
    const admin = await signIn("admin@acme.example");
    const group = (await send("POST", "groups.create", { org: "acme", name: "Web only" }, admin)).data as {
      id: string;
    };
    for (const email of ["admin@acme.example", "exp-administrator@acme.example"]) {
      const actor = await signIn(email);
      for (const role of ["experimentation:restricted-editor", "experimentation:restricted-publisher"]) {
        const [grants, audits] = [await grantCount(), await auditCount()];
        const reason = `${role} exists only on Web projects`;
        const given = { subject: { kind: "user", id: "demo-exp-viewer" }, role, scope: checkout };
        const toGroup = { ...given, subject: { kind: "group", id: group.id } };
        const invite = {
          org: "acme",
          emails: ["web-only@acme.example"],
          language: "en",
          grants: [{ role, scope: checkout }],
        };
        for (const [procedure, input] of [
          ["grants.create", given],
          ["grants.create", toGroup],
          ["users.invite", invite],
          ["users.invite", { ...invite, emails: ["exp-viewer@acme.example"] }],
        ] as const) {
          const answer = await refusal(actor, procedure, input);
          expect(answer, `${email} ${procedure}`).toEqual({
            status: 400,
            message: expect.stringContaining(reason),
          });
          const may = await send("GET", "may", { procedure, input }, actor);
          expect(may.data).toEqual({ allowed: false, code: "BAD_REQUEST", reason: answer.message });
        }
        const preview = await send(
          "GET",
          "whatIf.invite",
          { org: "acme", email: "web-only@acme.example", grants: [{ role, scope: checkout }] },
          actor,
        );
        expect(preview.status).toBe(400);
        expect(preview.error?.message).toContain(reason);
        expect(await grantCount()).toBe(grants);
        expect(await auditCount()).toBe(audits);
        // On a Web project the same role is given as before.
        const web = await send(
          "GET",
          "may",
          { procedure: "grants.create", input: { ...given, scope: homepage } },
          actor,
        );
        expect(web.data).toMatchObject({ allowed: true });
      }
    }
  });

  it("whatIf.preview refuses an impossible grant with its reason, not a preview of what it would give", async () => {
    const admin = await signIn("admin@acme.example");
    const preview = await refusal(admin, "whatIf.preview", {
      subject: "demo-customeruser",
      change: { kind: "create", role: "cms:content-editors", scope: { org: "acme" } },
    });
    expect(preview).toEqual({
      status: 400,
      message: "Invalid assignment: roles of CMS cannot be granted at the scope of the whole organization",
    });
  });

  it("whatIf.invite refuses a grant no actor could make with its reason", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await send(
      "GET",
      "whatIf.invite",
      { org: "acme", email: "new@acme.example", grants: [{ role: "odp:analyst", scope: cms }] },
      admin,
    );
    expect(answer.status).toBe(400);
    expect(answer.error?.message).toContain(
      "roles of Optimizely Data Platform cannot be granted at a scope of CMS",
    );
  });

  it("assignable.permissions answers invalid with the reason for another product's permission", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await send(
      "GET",
      "assignable.permissions",
      { scope: cms, permissions: ["odp:report.view", "cms:content.edit"] },
      admin,
    );
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({
      permissions: [
        {
          permission: "odp:report.view",
          decision: "invalid",
          reason: "permissions of Optimizely Data Platform cannot be granted at a scope of CMS",
        },
        { permission: "cms:content.edit", decision: "allow", reason: expect.any(String) },
      ],
    });
  });

  it("assignable.roles offers no role at a scope with a gap, and answers rather than failing", async () => {
    const admin = await signIn("admin@acme.example");
    const answer = await send(
      "GET",
      "assignable.roles",
      { scopes: [{ org: "acme", product: "cms", project: "p1" }] },
      admin,
    );
    expect(answer.status).toBe(200);
    expect(answer.data).toEqual({ roles: [] });
  });

  it("authz.check and explain deny a place with a gap, and say why", async () => {
    const admin = await signIn("admin@acme.example");
    const nowhere = { org: "acme", product: "cms", project: "p1" };
    const check = await send("GET", "authz.check", { action: "cms:content.edit", resource: nowhere }, admin);
    expect(check).toMatchObject({ status: 200, data: "deny" });
    const explain = await send(
      "GET",
      "authz.explain",
      { action: "cms:content.edit", resource: nowhere },
      admin,
    );
    expect(explain.status).toBe(200);
    expect((explain.data as { reason: string }).reason).toContain("no such place exists");
  });
});

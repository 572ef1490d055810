// Grants through app.request over a demo database (PGlite): create, update and remove asked of engine.assign,
// each audited and visible to the grantee's next check; refusals write nothing; API keys are read-only.
import { EngineSync } from "@gatehouse/store";
import { Effect } from "effect";
import { describe, expect, it } from "vitest";
import { type Call, demoApi } from "./support/demo-api.ts";

const { runtime, send, signIn, rows, auditCount } = demoApi();
const auditOf = (id: string) =>
  rows<{ action: string; actor_id: string }>(
    `select action, actor_id from audit_log where target_kind = 'grant' and target_id = '${id}' order by id`,
  );

const cms = { org: "acme", product: "cms", instance: "acme-cms" };
const check = (call: Call, action: string) =>
  send("GET", "authz.check", { action, resource: cms }, call).then((a) => a.data);

/** `call` gives user `user` role `role` at acme's CMS instance. */
const grantAtCms = (call: Call, user: string, role: string) =>
  send("POST", "grants.create", { subject: { kind: "user", id: user }, role, scope: cms }, call);

interface GrantView {
  readonly id: string;
  readonly role: string | null;
  readonly version: number;
  readonly grantedBy: string;
}

describe("grants", () => {
  it("super admin grants, updates and removes; the grantee's check follows each change; each is audited", async () => {
    const admin = await signIn("admin@acme.example");
    const grantee = await signIn("customeruser@acme.example");
    expect(await check(grantee, "cms:edit-view.access")).toBe("deny");

    const created = await grantAtCms(admin, "demo-customeruser", "cms:content-editors");
    expect(created.status).toBe(200);
    const grant = created.data as GrantView;
    expect(grant).toMatchObject({ role: "cms:content-editors", version: 1, grantedBy: "demo-admin" });
    expect(await check(grantee, "cms:edit-view.access")).toBe("allow");
    expect(await check(grantee, "cms:admin-view.access")).toBe("deny");

    const listed = await send(
      "GET",
      "grants.list",
      { org: "acme", subject: { kind: "user", id: "demo-customeruser" }, scope: cms },
      admin,
    );
    expect(listed.status).toBe(200);
    expect((listed.data as GrantView[]).map((g) => g.id)).toEqual([grant.id]);

    const stale = await send(
      "POST",
      "grants.update",
      { id: grant.id, version: 7, role: "cms:content-admins" },
      admin,
    );
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toContain("reload it and try again");

    const updated = await send(
      "POST",
      "grants.update",
      { id: grant.id, version: 1, role: "cms:content-admins", expiresAt: "2999-01-01T00:00:00.000Z" },
      admin,
    );
    expect(updated.status).toBe(200);
    expect(updated.data).toMatchObject({
      role: "cms:content-admins",
      version: 2,
      expiresAt: "2999-01-01T00:00:00.000Z",
    });
    expect(await check(grantee, "cms:admin-view.access")).toBe("allow");

    const staleRemove = await send("POST", "grants.remove", { id: grant.id, version: 1 }, admin);
    expect(staleRemove.status).toBe(409);
    const removed = await send("POST", "grants.remove", { id: grant.id, version: 2 }, admin);
    expect(removed.status).toBe(200);
    expect(await check(grantee, "cms:admin-view.access")).toBe("deny");
    expect(await check(grantee, "cms:edit-view.access")).toBe("deny");

    expect(await auditOf(grant.id)).toEqual([
      { action: "grant.create", actor_id: "demo-admin" },
      { action: "grant.update", actor_id: "demo-admin" },
      { action: "grant.remove", actor_id: "demo-admin" },
    ]);
    const gone = await send("POST", "grants.remove", { id: grant.id, version: 2 }, admin);
    expect(gone.status).toBe(404);
  });

  it("an instance admin cannot grant an Admin Center role: 403 with the engine's reason, nothing written", async () => {
    const ian = await signIn("instance-admin@acme.example");
    const before = await auditCount();
    const refused = await grantAtCms(ian, "demo-customeruser", "admin-center:instance-admin");
    expect(refused.status).toBe(403);
    expect(refused.error?.data.code).toBe("FORBIDDEN");
    const sync = await runtime.runPromise(Effect.service(EngineSync));
    const engine = sync.engine.assign("demo-instance-admin", {
      role: "admin-center:instance-admin",
      scope: cms,
      targetOrg: "acme",
      targetUser: "demo-customeruser",
    });
    expect(engine.decision).toBe("deny");
    expect(refused.error?.message).toBe(engine.reason);
    expect(await auditCount()).toBe(before);
    expect(
      await rows(
        "select id from grants where subject_id = 'demo-customeruser' and role = 'admin-center:instance-admin'",
      ),
    ).toEqual([]);

    // Its own instance's product roles it may give.
    const allowed = await grantAtCms(ian, "demo-customerdev", "cms:content-editors");
    expect(allowed.status).toBe(200);
    expect(await auditCount()).toBe(before + 1);
  });

  it("refuses an invalid assignment (another product's role at a CMS scope) with 400, writing nothing", async () => {
    const admin = await signIn("admin@acme.example");
    const before = await auditCount();
    const invalid = await grantAtCms(admin, "demo-customeruser", "experimentation:editor");
    expect(invalid.status).toBe(400);
    expect(invalid.error?.data.code).toBe("BAD_REQUEST");
    expect(await auditCount()).toBe(before);

    const both = await send(
      "POST",
      "grants.create",
      {
        subject: { kind: "user", id: "demo-customeruser" },
        role: "cms:content-editors",
        permission: "cms:content.edit",
        scope: cms,
      },
      admin,
    );
    expect(both.status).toBe(400);
    const nobody = await grantAtCms(admin, "demo-nobody", "cms:content-editors");
    expect(nobody.status).toBe(404);
    expect(await auditCount()).toBe(before);
  });

  it("refuses an expiry already past on create and update (400 naming expiresAt), writing nothing; a future one and null pass", async () => {
    const admin = await signIn("admin@acme.example");
    const created = await grantAtCms(admin, "demo-customeruser", "cms:content-editors");
    expect(created.status).toBe(200);
    const grant = created.data as GrantView;
    const stored = () => rows(`select role, expires_at, version from grants where id = '${grant.id}'`);
    const before = [await auditCount(), await stored()];
    const count = () => rows("select count(*) as n from grants");
    const grants = await count();
    for (const expiresAt of [
      "1999-01-01T00:00:00.000Z",
      "1970-01-01T00:00:00.000Z",
      new Date(Date.now() - 60_000).toISOString(),
    ]) {
      const make = await send(
        "POST",
        "grants.create",
        {
          subject: { kind: "user", id: "demo-customeruser" },
          role: "cms:commerce-admins",
          scope: cms,
          expiresAt,
        },
        admin,
      );
      expect(make.status, expiresAt).toBe(400);
      expect(make.error?.message).toBe(
        "expiresAt: that end date and time is already past; give a time to come, or null for no expiry",
      );
      const update = await send(
        "POST",
        "grants.update",
        { id: grant.id, version: grant.version, expiresAt },
        admin,
      );
      expect(update.status, expiresAt).toBe(400);
      expect(update.error?.message).toBe(make.error?.message);
    }
    expect([await auditCount(), await stored()]).toEqual(before);
    expect(await count()).toEqual(grants);

    const later = new Date(Date.now() + 24 * 60 * 60 * 1000).toISOString();
    const dated = await send(
      "POST",
      "grants.update",
      { id: grant.id, version: grant.version, expiresAt: later },
      admin,
    );
    expect(dated.status).toBe(200);
    const lifted = await send(
      "POST",
      "grants.update",
      { id: grant.id, version: grant.version + 1, expiresAt: null },
      admin,
    );
    expect(lifted.status).toBe(200);
  });

  it("refuses API keys and the operator (403), unknown roles and bad input (400); guards the list", async () => {
    const admin = await signIn("admin@acme.example");
    const key = await send("POST", "apiKeys.create", { name: "backend" }, admin);
    expect(key.status).toBe(200);
    const bearer = (key.data as { key: string }).key;
    const refused = await grantAtCms({ bearer }, "demo-customeruser", "cms:content-editors");
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("read-only");
    expect((await send("GET", "grants.list", { org: "acme" }, { bearer })).status).toBe(200);
    const operator = await signIn("operator@gatehouse.example");
    const byOperator = await grantAtCms(operator, "demo-customeruser", "cms:content-editors");
    expect(byOperator.status).toBe(403);
    const unknownRole = await grantAtCms(admin, "demo-customeruser", "cms:nope");
    expect(unknownRole.status).toBe(400);
    const badInput = await send("POST", "grants.remove", { id: "x" }, admin);
    expect(badInput.status).toBe(400);
    expect(badInput.error?.message).toContain("version");

    const plain = await signIn("customeruser@acme.example");
    expect((await send("GET", "grants.list", { org: "acme" }, plain)).status).toBe(403);
    // Another organization's grants answer like a made-up organization's.
    expect((await send("GET", "grants.list", { org: "agency" }, admin)).status).toBe(404);
    expect((await send("GET", "grants.list", { org: "no-such-org" }, admin)).status).toBe(404);
    const all = await send("GET", "grants.list", { org: "acme" }, admin);
    expect(all.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: "admin-center:super-admin" })]),
    );
    expect((await send("GET", "grants.list", { org: "acme" }, {})).status).toBe(401);
  });
});

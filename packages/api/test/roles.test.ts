// Roles through app.request over a demo database (PGlite): system and custom roles listed with their type,
// custom roles created (named by default, or duplicated) and deleted under engine checks; system roles read-only.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();
const auditOf = (id: string) =>
  rows<{ action: string; actor_id: string }>(
    `select action, actor_id from audit_log where target_kind = 'role' and target_id = '${id}' order by id`,
  );

interface RoleView {
  readonly id: string;
  readonly type: "system" | "custom";
  readonly name: string;
  readonly product: string;
  readonly instance: string | null;
  readonly duplicatedFrom: string | null;
  readonly permissions: ReadonlyArray<string>;
  readonly version: number;
}

describe("roles", () => {
  it("lists system and custom roles with a type, and shows one role's actions grouped by entity", async () => {
    const plain = await signIn("customeruser@acme.example");
    const all = await send("GET", "roles.list", { product: "cms" }, plain);
    expect(all.status).toBe(200);
    const cmsRoles = all.data as RoleView[];
    expect(cmsRoles.map((r) => r.id)).toEqual(
      expect.arrayContaining(["cms:commerce-admins", "cms:content-admins", "cms:content-editors"]),
    );
    expect(cmsRoles.every((r) => r.product === "cms" && r.type === "system")).toBe(true);
    const custom = await send("GET", "roles.list", { type: "custom" }, plain);
    expect(custom.data).toEqual([]);

    const one = await send("GET", "roles.get", { id: "cms:content-admins" }, plain);
    expect(one.status).toBe(200);
    expect(one.data).toMatchObject({
      id: "cms:content-admins",
      type: "system",
      actions: expect.arrayContaining([
        { entity: "admin-view", actions: [{ id: "cms:admin-view.access", label: "Access the admin view" }] },
        { entity: "addon", actions: [{ id: "cms:addon.manage", label: "Administer add-ons" }] },
      ]),
    });
    expect((await send("GET", "roles.get", { id: "cms:nope" }, plain)).status).toBe(404);
    expect((await send("GET", "roles.list", {}, {})).status).toBe(401);
  });

  it("super admin creates custom roles (default name, duplicate of a system role) and deletes one, audited", async () => {
    const admin = await signIn("admin@acme.example");
    const fresh = await send(
      "POST",
      "roles.createCustom",
      {
        product: "cms",
        instance: "acme-cms",
        roleName: "Reviewers",
        permissions: ["cms:edit-view.access", "cms:content.edit"],
      },
      admin,
    );
    expect(fresh.status).toBe(200);
    const reviewers = fresh.data as RoleView;
    expect(reviewers).toMatchObject({
      type: "custom",
      name: "CMS-Acme Site-Reviewers",
      instance: "acme-cms",
      permissions: ["cms:content.edit", "cms:edit-view.access"],
      version: 1,
    });

    const dup = await send(
      "POST",
      "roles.createCustom",
      { product: "cms", instance: "acme-cms", duplicateFrom: "cms:content-editors" },
      admin,
    );
    expect(dup.status).toBe(200);
    expect(dup.data).toMatchObject({
      name: "CMS-Acme Site-Content Editors",
      duplicatedFrom: "cms:content-editors",
      permissions: ["cms:edit-view.access"],
    });

    const listed = await send("GET", "roles.list", { type: "custom", instance: "acme-cms" }, admin);
    expect((listed.data as RoleView[]).map((r) => r.name).sort()).toEqual([
      "CMS-Acme Site-Content Editors",
      "CMS-Acme Site-Reviewers",
    ]);

    // Granted, the custom role gives its actions at once; deleting it takes them away with its grants.
    const grantee = await signIn("customerdev@acme.example");
    const cms = { org: "acme", product: "cms", instance: "acme-cms" };
    const canEdit = () =>
      send("GET", "authz.check", { action: "cms:content.edit", resource: cms }, grantee).then((a) => a.data);
    expect(await canEdit()).toBe("deny");
    const granted = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customerdev" }, role: reviewers.id, scope: cms },
      admin,
    );
    expect(granted.status).toBe(200);
    expect(await canEdit()).toBe("allow");

    const stale = await send("POST", "roles.deleteCustom", { id: reviewers.id, version: 5 }, admin);
    expect(stale.status).toBe(409);
    const deleted = await send("POST", "roles.deleteCustom", { id: reviewers.id, version: 1 }, admin);
    expect(deleted.status).toBe(200);
    expect((await send("GET", "roles.get", { id: reviewers.id }, admin)).status).toBe(404);
    expect(await canEdit()).toBe("deny");
    expect(await rows(`select id from grants where role = '${reviewers.id}'`)).toEqual([]);
    expect(await auditOf(reviewers.id)).toEqual([
      { action: "role.create", actor_id: "demo-admin" },
      { action: "role.delete", actor_id: "demo-admin" },
    ]);
  });

  it("refuses a plain user (403), system roles (400) and products without custom roles (400), writing nothing", async () => {
    const plain = await signIn("customeruser@acme.example");
    const admin = await signIn("admin@acme.example");
    const before = await auditCount();
    const refused = await send(
      "POST",
      "roles.createCustom",
      { product: "cms", instance: "acme-cms", roleName: "Mine", permissions: ["cms:content.edit"] },
      plain,
    );
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("admin-center:custom-role.create");

    const system = await send("POST", "roles.deleteCustom", { id: "cms:content-editors", version: 1 }, admin);
    expect(system.status).toBe(400);
    expect(system.error?.message).toContain("system roles cannot be changed");

    const exp = await send(
      "POST",
      "roles.createCustom",
      { product: "experimentation", instance: "acme-exp", roleName: "X", permissions: [] },
      admin,
    );
    expect(exp.status).toBe(400);
    expect(exp.error?.message).toContain("does not support custom roles");
    const foreign = await send(
      "POST",
      "roles.createCustom",
      { product: "cms", instance: "acme-cms", roleName: "Y", permissions: ["pim:product.edit"] },
      admin,
    );
    expect(foreign.status).toBe(400);
    expect(await auditCount()).toBe(before);
    expect(await rows("select id from roles where type = 'custom' and name like '%-Mine'")).toEqual([]);
  });
});

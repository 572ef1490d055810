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
    expect(foreign.error?.message).toContain('permissions: "pim:product.edit" is not an action of CMS');
    const adminCenter = await send(
      "POST",
      "roles.createCustom",
      {
        product: "admin-center",
        instance: "acme-cms",
        roleName: "Z",
        permissions: ["admin-center:user.view"],
      },
      admin,
    );
    expect(adminCenter.status).toBe(400);
    expect(adminCenter.error?.message).toContain(
      "product: Opti ID Admin Center does not support custom roles: restricted admin access is given with the admin levels",
    );
    expect(await auditCount()).toBe(before);
    expect(await rows("select id from roles where type = 'custom' and name like '%-Mine'")).toEqual([]);
  });
});

describe("roles.updateCustom", () => {
  const cms = { org: "acme", product: "cms", instance: "acme-cms" };
  const create = async (admin: Awaited<ReturnType<typeof signIn>>, roleName: string) => {
    const made = await send(
      "POST",
      "roles.createCustom",
      { ...cms, roleName, permissions: ["cms:edit-view.access"] },
      admin,
    );
    expect(made.status).toBe(200);
    return made.data as RoleView;
  };

  it("renames and redefines a custom role; its holders get the new permissions at once, audited", async () => {
    const admin = await signIn("admin@acme.example");
    const role = await create(admin, "Writers");
    const grantee = await signIn("customeruser@acme.example");
    const granted = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customeruser" }, role: role.id, scope: cms },
      admin,
    );
    expect(granted.status).toBe(200);
    const can = (action: string) =>
      send("GET", "authz.check", { action, resource: cms }, grantee).then((a) => a.data);
    expect(await can("cms:content.edit")).toBe("deny");

    const changed = await send(
      "POST",
      "roles.updateCustom",
      {
        id: role.id,
        version: 1,
        name: "CMS-Acme Site-Editors",
        description: "Edit content",
        permissions: ["cms:content.edit"],
      },
      admin,
    );
    expect(changed.status).toBe(200);
    expect(changed.data).toMatchObject({
      id: role.id,
      name: "CMS-Acme Site-Editors",
      description: "Edit content",
      permissions: ["cms:content.edit"],
      version: 2,
    });
    expect(await can("cms:content.edit")).toBe("allow");
    expect(await can("cms:edit-view.access")).toBe("deny");
    const audit = await rows<{ action: string; before: { name: string }; after: { name: string } }>(
      `select action, before, after from audit_log where target_kind = 'role' and target_id = '${role.id}' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["role.create", "role.update"]);
    expect(audit[1]?.before.name).toBe("CMS-Acme Site-Writers");
    expect(audit[1]?.after.name).toBe("CMS-Acme Site-Editors");
  });

  it("refuses a stale version (409), a system role and a foreign action (400), a plain user (403), changing nothing", async () => {
    const admin = await signIn("admin@acme.example");
    const plain = await signIn("customerdev@acme.example");
    const role = await create(admin, "Guarded");
    const other = await create(admin, "Taken");
    const before = await auditCount();

    const stale = await send("POST", "roles.updateCustom", { id: role.id, version: 7, name: "X" }, admin);
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toContain("was changed since version 7");
    // Named by its name, never its id.
    expect(stale.error?.message).toContain(`"${role.name}"`);
    expect(stale.error?.message).not.toContain(role.id);
    // Renamed to a name another custom role of the product has: the clash is named, as createCustom names it.
    const clash = await send(
      "POST",
      "roles.updateCustom",
      { id: role.id, version: role.version, name: other.name.toUpperCase() },
      admin,
    );
    expect([clash.status, clash.error?.message]).toEqual([
      409,
      `A custom role named "${other.name.toUpperCase()}" already exists for CMS (names are compared ignoring case): choose another name`,
    ]);
    const system = await send(
      "POST",
      "roles.updateCustom",
      { id: "cms:content-editors", version: 1, permissions: [] },
      admin,
    );
    expect(system.status).toBe(400);
    expect(system.error?.message).toContain("system roles cannot be changed");
    const foreign = await send(
      "POST",
      "roles.updateCustom",
      { id: role.id, version: 1, permissions: ["cms:content.edit", "pim:product.edit"] },
      admin,
    );
    expect(foreign.status).toBe(400);
    expect(foreign.error?.message).toContain('"pim:product.edit" is not an action of CMS');
    const unknown = await send(
      "POST",
      "roles.updateCustom",
      { id: role.id, version: 1, permissions: ["cms:nope.nope"] },
      admin,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.error?.message).toContain("cms:nope.nope");
    const badInput = await send("POST", "roles.updateCustom", { id: role.id, version: "one" }, admin);
    expect(badInput.status).toBe(400);
    expect(badInput.error?.message).toContain("version");
    const refused = await send(
      "POST",
      "roles.updateCustom",
      { id: role.id, version: 1, name: "Mine" },
      plain,
    );
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("admin-center:custom-role.create");

    expect(await auditCount()).toBe(before);
    expect((await send("GET", "roles.get", { id: role.id }, admin)).data).toMatchObject({
      name: "CMS-Acme Site-Guarded",
      permissions: ["cms:edit-view.access"],
      version: 1,
    });
  });

  it("answers NOT_FOUND for another organization's custom role", async () => {
    await rows(
      `insert into roles (id, product, type, name, description, org) values
         ('mission-control:custom_agency1', 'mission-control', 'custom', 'Agency restarters', '', 'agency')`,
    );
    const admin = await signIn("admin@acme.example");
    const other = await send(
      "POST",
      "roles.updateCustom",
      { id: "mission-control:custom_agency1", version: 1, name: "Mine now" },
      admin,
    );
    expect(other.status).toBe(404);
    expect((await rows("select name from roles where id = 'mission-control:custom_agency1'"))[0]).toEqual({
      name: "Agency restarters",
    });
  });
});

describe("where a custom role is granted", () => {
  it("on the instance it was made for, not on another instance, the product, the organization or another org", async () => {
    const admin = await signIn("admin@acme.example");
    const site = { org: "acme", product: "cms", instance: "acme-cms" };
    const made = await send(
      "POST",
      "roles.createCustom",
      { ...site, roleName: "Placed", permissions: ["cms:content.edit"] },
      admin,
    );
    expect(made.status).toBe(200);
    const role = (made.data as RoleView).id;
    const other = await send(
      "POST",
      "instances.create",
      { org: "acme", product: "cms", name: "Second site" },
      admin,
    );
    expect(other.status).toBe(200);
    const otherSite = { ...site, instance: (other.data as { id: string }).id };
    const give = (scope: object, call = admin, subject = "demo-customerdev") =>
      send("POST", "grants.create", { subject: { kind: "user", id: subject }, role, scope }, call);
    const before = await auditCount();

    for (const scope of [otherSite, { org: "acme", product: "cms" }, { org: "acme" }]) {
      const refused = await give(scope);
      expect(refused.status).toBe(400);
      expect(refused.error?.message).toContain("role: the custom role");
      expect(refused.error?.message).toContain("belongs to instance acme-cms");
    }
    const elsewhere = await give({ org: "agency", product: "mission-control" }, admin, "demo-partneruser");
    // Another organization is the boundary: answered exactly as an organization that does not exist.
    const madeUp = await give({ org: "no-such-org", product: "mission-control" }, admin, "demo-partneruser");
    expect(elsewhere.status).toBe(404);
    expect(madeUp.status).toBe(404);
    expect(elsewhere.error?.message).toBe(madeUp.error?.message?.replace("no-such-org", "agency"));
    const invited = await send(
      "POST",
      "users.invite",
      { org: "acme", emails: ["placed@acme.example"], language: "en", grants: [{ role, scope: otherSite }] },
      admin,
    );
    expect(invited.status).toBe(400);
    expect(invited.error?.message).toContain("grants.role: the custom role");
    const systemGrant = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customeruser" }, role: "cms:content-editors", scope: otherSite },
      admin,
    );
    expect(systemGrant.status).toBe(200);
    const afterSystem = await auditCount();
    const moved = await send(
      "POST",
      "grants.update",
      { id: (systemGrant.data as { id: string }).id, version: 1, role },
      admin,
    );
    expect(moved.status).toBe(400);
    expect(await auditCount()).toBe(afterSystem);
    expect(afterSystem).toBe(before + 1);

    // A user without an admin level is refused; the instance admin of the role's instance may grant it there.
    const plain = await signIn("customeruser@acme.example");
    expect((await give(site, plain)).status).toBe(403);
    const instanceAdmin = await signIn("instance-admin@acme.example");
    const granted = await give(site, instanceAdmin);
    expect(granted.status).toBe(200);
    const invitedHere = await send(
      "POST",
      "users.invite",
      { org: "acme", emails: ["placed@acme.example"], language: "en", grants: [{ role, scope: site }] },
      admin,
    );
    expect(invitedHere.status).toBe(200);
    const grantee = await signIn("customerdev@acme.example");
    const can = (resource: object) =>
      send("GET", "authz.check", { action: "cms:content.edit", resource }, grantee).then((a) => a.data);
    expect(await can(site)).toBe("allow");
    expect(await can(otherSite)).toBe("deny");
    expect(
      await rows(
        `select action, actor_id from audit_log where target_kind = 'grant' and target_id = '${(granted.data as { id: string }).id}'`,
      ),
    ).toEqual([{ action: "grant.create", actor_id: "demo-instance-admin" }]);
  });
});

describe("roles.validate (the new-role form's dry run)", () => {
  const check = (input: object, who: Awaited<ReturnType<typeof signIn>>) =>
    send("GET", "roles.validate", input, who);

  it("answers the name the role would be saved under, or the domain rule's first problem, writing nothing", async () => {
    const admin = await signIn("admin@acme.example");
    const before = await auditCount();
    const site = { product: "cms", instance: "acme-cms" };
    expect((await check({ ...site, roleName: "Reviewers" }, admin)).data).toEqual({
      name: "CMS-Acme Site-Reviewers",
      problem: null,
    });
    expect((await check(site, admin)).data).toEqual({
      name: null,
      problem: { field: "roleName", message: "roleName: a custom role needs a name" },
    });
    expect((await check({ ...site, roleName: "R", permissions: ["pim:product.edit"] }, admin)).data).toEqual({
      name: null,
      problem: { field: "permissions", message: 'permissions: "pim:product.edit" is not an action of CMS' },
    });
    const adminCenter = await check({ product: "admin-center", instance: "acme-cms", roleName: "R" }, admin);
    expect(adminCenter.data).toMatchObject({ name: null, problem: { field: "product" } });
    // An instance of another product reads as a made-up one.
    const wrong = await check({ ...site, instance: "acme-pim", roleName: "R" }, admin);
    const madeUp = await check({ ...site, instance: "made-up", roleName: "R" }, admin);
    expect(wrong.data).toEqual({
      name: null,
      problem: { field: "instance", message: 'instance: no cms instance "acme-pim" in acme' },
    });
    expect(madeUp.data).toEqual({
      name: null,
      problem: { field: "instance", message: 'instance: no cms instance "made-up" in acme' },
    });
    expect(await auditCount()).toBe(before);
  });

  it("a name another custom role of the product has is a problem before Save, and Save names the clash", async () => {
    const admin = await signIn("admin@acme.example");
    const site = { product: "cms", instance: "acme-cms" };
    const first = await send(
      "POST",
      "roles.createCustom",
      { ...site, roleName: "Clashing", permissions: ["cms:content.edit"] },
      admin,
    );
    expect(first.status).toBe(200);
    const words =
      'A custom role named "CMS-Acme Site-clashing" already exists for CMS (names are compared ignoring case): choose another name';
    expect((await check({ ...site, roleName: "clashing" }, admin)).data).toEqual({
      name: null,
      problem: { field: "roleName", message: words },
    });
    const again = await send(
      "POST",
      "roles.createCustom",
      { ...site, roleName: "clashing", permissions: ["cms:content.edit"] },
      admin,
    );
    expect([again.status, again.error?.message]).toEqual([409, words]);
  });

  it("asks what Save asks: a user who may not create the role there is refused", async () => {
    const plain = await signIn("customeruser@acme.example");
    const refused = await check({ product: "cms", instance: "acme-cms", roleName: "R" }, plain);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("admin-center:custom-role.create");
  });

  it("the catalog serves why a product has no custom roles, in the domain's words", async () => {
    const plain = await signIn("customeruser@acme.example");
    const catalog = (await send("GET", "catalog.products", undefined, plain)).data as ReadonlyArray<{
      id: string;
      customRoles: boolean;
      noCustomRoles: string | null;
    }>;
    const byId = new Map(catalog.map((p) => [p.id, p]));
    expect(byId.get("cms")).toMatchObject({ customRoles: true, noCustomRoles: null });
    expect(byId.get("admin-center")).toMatchObject({ customRoles: false });
    expect(byId.get("admin-center")?.noCustomRoles).toContain(
      "Opti ID Admin Center does not support custom roles",
    );
    expect(byId.get("configured-commerce")?.noCustomRoles).toBe(
      "Configured Commerce does not support custom roles",
    );
  });
});

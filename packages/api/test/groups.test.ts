// Groups through app.request over a demo database: list and get for readers, custom-group changes asked of
// engine.check(admin-center:group.manage at the organization), audited; Everyone and product groups are read-only.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

interface GroupView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly memberCount: number;
  readonly version: number;
}
interface Member {
  readonly id: string;
  readonly email: string | null;
  readonly roles: ReadonlyArray<{ readonly role: string | null }>;
}
interface GroupPage {
  readonly group: GroupView;
  readonly members: ReadonlyArray<Member>;
  readonly nextCursor: string | null;
}

describe("groups", () => {
  it("super admin creates, renames, fills, pages, empties and removes a custom group, each audited", async () => {
    const admin = await signIn("admin@acme.example");
    const created = await send("POST", "groups.create", { org: "acme", name: "  Release team " }, admin);
    expect(created.status).toBe(200);
    const group = created.data as GroupView;
    expect(group).toMatchObject({ name: "Release team", kind: "custom", memberCount: 0, version: 1 });

    const duplicate = await send("POST", "groups.create", { org: "acme", name: "release TEAM" }, admin);
    expect(duplicate.status).toBe(409);

    const renamed = await send(
      "POST",
      "groups.rename",
      { id: group.id, version: 1, name: "Releasers" },
      admin,
    );
    expect(renamed.status).toBe(200);
    expect(renamed.data).toMatchObject({ name: "Releasers", version: 2 });
    const stale = await send("POST", "groups.rename", { id: group.id, version: 1, name: "Other" }, admin);
    expect(stale.status).toBe(409);

    for (const userId of ["demo-customeruser", "demo-customerdev", "demo-product-admin"]) {
      const added = await send("POST", "groups.addMember", { groupId: group.id, userId }, admin);
      expect(added.status).toBe(200);
    }
    const partner = await send(
      "POST",
      "groups.addMember",
      { groupId: group.id, userId: "demo-partneruser" },
      admin,
    );
    expect(partner.status).toBe(400);

    const first = await send("GET", "groups.get", { id: group.id, limit: 2 }, admin);
    expect(first.status).toBe(200);
    const page1 = first.data as GroupPage;
    expect(page1.group.memberCount).toBe(3);
    expect(page1.members.map((m) => m.id)).toEqual(["demo-customerdev", "demo-customeruser"]);
    expect(page1.members[1]?.email).toBe("customeruser@acme.example");
    expect(page1.members[1]?.roles.map((r) => r.role)).toContain("mission-control:customerUser");
    expect(page1.nextCursor).toBe("demo-customeruser");
    const second = await send(
      "GET",
      "groups.get",
      { id: group.id, limit: 2, cursor: page1.nextCursor },
      admin,
    );
    const page2 = second.data as GroupPage;
    expect(page2.members.map((m) => m.id)).toEqual(["demo-product-admin"]);
    expect(page2.nextCursor).toBeNull();

    const out = await send(
      "POST",
      "groups.removeMember",
      { groupId: group.id, userId: "demo-customerdev" },
      admin,
    );
    expect(out.status).toBe(200);
    expect(out.data).toMatchObject({ memberCount: 2 });

    const current = (await send("GET", "groups.get", { id: group.id }, admin)).data as GroupPage;
    const removed = await send(
      "POST",
      "groups.remove",
      { id: group.id, version: current.group.version },
      admin,
    );
    expect(removed.status).toBe(200);
    expect(await rows(`select id from groups where id = '${group.id}'`)).toEqual([]);
    expect((await send("GET", "groups.get", { id: group.id }, admin)).status).toBe(404);

    const audit = await rows<{ action: string; actor_id: string; org: string }>(
      `select action, actor_id, org from audit_log where target_kind = 'group' and target_id = '${group.id}' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      "group.create",
      "group.rename",
      "group.member.add",
      "group.member.add",
      "group.member.add",
      "group.member.remove",
      "group.remove",
    ]);
    expect(new Set(audit.map((a) => `${a.actor_id}@${a.org}`))).toEqual(new Set(["demo-admin@acme"]));
  });

  it("lists custom, Everyone and product groups with member counts", async () => {
    const admin = await signIn("admin@acme.example");
    const listed = await send("GET", "groups.list", { org: "acme" }, admin);
    expect(listed.status).toBe(200);
    const groups = listed.data as ReadonlyArray<GroupView>;
    const everyone = groups.find((g) => g.kind === "everyone");
    const users = await rows<{ n: string }>("select count(*) as n from users where org = 'acme'");
    expect(everyone?.memberCount).toBe(Number(users[0]?.n));
    const product = groups.find((g) => g.name === "Mission Control customerUser");
    expect(product?.kind).toBe("product");
    expect(product?.memberCount).toBeGreaterThan(0);

    const agency = await signIn("partneradmin@agency.example");
    expect((await send("GET", "groups.list", { org: "acme" }, agency)).status).toBe(404);
    const customer = await signIn("customeruser@acme.example");
    expect((await send("GET", "groups.list", { org: "acme" }, customer)).status).toBe(403);
  });

  it("a product admin reads the groups (seed 001: products, groups and roles), members' roles only in its product", async () => {
    const productAdmin = await signIn("product-admin@acme.example");
    const listed = await send("GET", "groups.list", { org: "acme" }, productAdmin);
    expect(listed.status).toBe(200);
    const groups = listed.data as ReadonlyArray<GroupView>;
    const everyone = groups.find((g) => g.kind === "everyone");
    expect(everyone?.memberCount).toBeGreaterThan(0);
    const got = await send("GET", "groups.get", { id: everyone?.id ?? "", limit: 200 }, productAdmin);
    expect(got.status).toBe(200);
    const scopes = (
      got.data as { members: ReadonlyArray<{ roles: ReadonlyArray<{ scope: { product?: string } }> }> }
    ).members.flatMap((m) => m.roles.map((r) => r.scope.product));
    expect(scopes.length).toBeGreaterThan(0);
    expect(new Set(scopes)).toEqual(new Set(["cms"]));
    // An instance admin manages no group anywhere: refused in words.
    const instanceAdmin = await signIn("instance-admin@acme.example");
    const refused = await send("GET", "groups.list", { org: "acme" }, instanceAdmin);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("admin-center:group.manage");
  });

  it("groups.grants shows a product admin the roles a group gives in its product and counts the others", async () => {
    const admin = await signIn("admin@acme.example");
    const made = await send("POST", "groups.create", { org: "acme", name: "Given here and there" }, admin);
    const id = (made.data as { id: string }).id;
    const give = (role: string, scope: object) =>
      send("POST", "grants.create", { subject: { kind: "group", id }, role, scope }, admin);
    expect(
      (await give("cms:content-editors", { org: "acme", product: "cms", instance: "acme-cms" })).status,
    ).toBe(200);
    expect(
      (await give("mission-control:customerAdmin", { org: "acme", product: "mission-control" })).status,
    ).toBe(200);
    type Given = { grants: ReadonlyArray<{ role: string; version: number }>; hidden: number };
    const bySuper = (await send("GET", "groups.grants", { id }, admin)).data as Given;
    expect(bySuper.grants.map((g) => g.role).sort()).toEqual([
      "cms:content-editors",
      "mission-control:customerAdmin",
    ]);
    expect(bySuper.hidden).toBe(0);
    const productAdmin = await signIn("product-admin@acme.example");
    const byProduct = await send("GET", "groups.grants", { id }, productAdmin);
    expect(byProduct.status).toBe(200);
    expect((byProduct.data as Given).grants.map((g) => g.role)).toEqual(["cms:content-editors"]);
    expect((byProduct.data as Given).hidden).toBe(1);
    // Read as the group itself is: an instance admin manages no group; another organization's group is missing.
    const instanceAdmin = await signIn("instance-admin@acme.example");
    expect((await send("GET", "groups.grants", { id }, instanceAdmin)).status).toBe(403);
    expect((await send("GET", "groups.grants", { id: "grp_nope" }, admin)).status).toBe(404);
  });

  it("Everyone and product groups are read-only (400); without group.manage at the org it is 403; nothing written", async () => {
    const admin = await signIn("admin@acme.example");
    // Signing in is audited (auth.login), so both sign in before counting.
    const productAdmin = await signIn("product-admin@acme.example");
    const groups = (await send("GET", "groups.list", { org: "acme" }, admin))
      .data as ReadonlyArray<GroupView>;
    const everyone = groups.find((g) => g.kind === "everyone");
    const product = groups.find((g) => g.kind === "product");
    expect(everyone).toBeDefined();
    expect(product).toBeDefined();
    const before = await auditCount();
    for (const g of [everyone, product]) {
      const id = g?.id ?? "";
      const version = g?.version ?? 0;
      expect((await send("POST", "groups.rename", { id, version, name: "Mine" }, admin)).status).toBe(400);
      expect((await send("POST", "groups.remove", { id, version }, admin)).status).toBe(400);
      const add = await send("POST", "groups.addMember", { groupId: id, userId: "demo-admin" }, admin);
      expect(add.status).toBe(400);
      expect(add.error?.message).toContain("managed by Gatehouse");
    }

    // Product Admin holds group.manage at its product only, not at the organization.
    const refused = await send("POST", "groups.create", { org: "acme", name: "Sneaky" }, productAdmin);
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain("admin-center:group.manage");
    const empty = await send("POST", "groups.create", { org: "acme", name: "   " }, admin);
    expect(empty.status).toBe(400);
    expect(empty.error?.message).toContain("name");
    const other = await send("POST", "groups.create", { org: "agency", name: "Theirs" }, admin);
    expect(other.status).toBe(404);
    expect(await auditCount()).toBe(before);
    expect(await rows("select id from groups where name in ('Sneaky', 'Theirs', 'Mine')")).toEqual([]);
  });
});

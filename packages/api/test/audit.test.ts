// The audit router through app.request over a demo database: the super admin (and the operator) page the
// organization's log newest first with filters; lower admin levels read the entries about the places they
// administer; other users are refused; ids come back as strings.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, rows } = demoApi();

interface Entry {
  readonly id: string;
  readonly at: string;
  readonly actor: { readonly kind: string; readonly id: string | null };
  readonly org: string | null;
  readonly action: string;
  readonly actionName: string;
  readonly target: { readonly kind: string; readonly id: string | null };
  readonly before: unknown;
  readonly after: unknown;
}
interface Page {
  readonly items: ReadonlyArray<Entry>;
  readonly nextCursor: string | null;
}

describe("audit", () => {
  it("pages the organization's log newest first, without gaps or repeats, with every filter", async () => {
    const admin = await signIn("admin@acme.example");
    const names = ["Audit one", "Audit two", "Audit three"];
    const ids: string[] = [];
    for (const name of names) {
      const created = await send("POST", "groups.create", { org: "acme", name }, admin);
      expect(created.status).toBe(200);
      ids.push((created.data as { id: string }).id);
    }

    const filtered = await send(
      "GET",
      "audit.list",
      { org: "acme", action: "group.create", limit: 2 },
      admin,
    );
    expect(filtered.status).toBe(200);
    const first = filtered.data as Page;
    expect(first.items.map((e) => e.target.id)).toEqual([ids[2], ids[1]]);
    expect(typeof first.items[0]?.id).toBe("string");
    expect(first.items[0]).toMatchObject({
      actor: { kind: "user", id: "demo-admin" },
      org: "acme",
      action: "group.create",
      target: { kind: "group" },
      before: null,
      after: { name: "Audit three", kind: "custom" },
    });
    expect(first.nextCursor).toBe(first.items[1]?.id);
    const second = (
      await send(
        "GET",
        "audit.list",
        { org: "acme", action: "group.create", limit: 2, cursor: first.nextCursor },
        admin,
      )
    ).data as Page;
    expect(second.items.map((e) => e.target.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();

    // The whole log pages through in (at, id) descending order, each entry once.
    const seen: Entry[] = [];
    let cursor: string | null = null;
    do {
      const input: Record<string, unknown> = { org: "acme", limit: 3 };
      if (cursor !== null) input.cursor = cursor;
      const page = (await send("GET", "audit.list", input, admin)).data as Page;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    const order = seen.map((e) => [Date.parse(e.at), BigInt(e.id)] as const);
    for (let i = 1; i < order.length; i++) {
      const [at, id] = order[i] ?? [0, 0n];
      const [prevAt, prevId] = order[i - 1] ?? [0, 0n];
      expect(at < prevAt || (at === prevAt && id < prevId)).toBe(true);
    }
    expect(seen.every((e) => e.org === "acme")).toBe(true);
    expect(seen.some((e) => e.action === "auth.login")).toBe(true);

    const byTarget = (
      await send("GET", "audit.list", { org: "acme", targetKind: "group", targetId: ids[1] }, admin)
    ).data as Page;
    expect(byTarget.items.map((e) => e.action)).toEqual(["group.create"]);
    // Every entry is served with its action's label: none of the seeded log reads as a code.
    expect(byTarget.items.map((e) => e.actionName)).toEqual(["Group created"]);
    expect(seen.filter((e) => e.actionName === e.action)).toEqual([]);
    const byActor = (await send("GET", "audit.list", { org: "acme", actor: "demo-admin", limit: 200 }, admin))
      .data as Page;
    expect(byActor.items.length).toBeGreaterThanOrEqual(4);
    expect(byActor.items.every((e) => e.actor.id === "demo-admin")).toBe(true);
    const created = seen.find((e) => e.target.id === ids[0]);
    const window = (
      await send(
        "GET",
        "audit.list",
        { org: "acme", action: "group.create", from: created?.at, to: "2999-01-01T00:00:00.000Z" },
        admin,
      )
    ).data as Page;
    expect(window.items.map((e) => e.target.id)).toEqual([ids[2], ids[1], ids[0]]);
    const past = (await send("GET", "audit.list", { org: "acme", to: "2000-01-01T00:00:00.000Z" }, admin))
      .data as Page;
    expect(past.items).toEqual([]);
  });

  it("only administrators of the organization and the operator read it; bad limits name the field", async () => {
    const operator = await signIn("operator@gatehouse.example");
    const asOperator = await send("GET", "audit.list", { org: "acme", limit: 1 }, operator);
    expect(asOperator.status).toBe(200);
    expect((asOperator.data as Page).items).toHaveLength(1);

    for (const email of ["customeradmin@acme.example", "exp-editor@acme.example"]) {
      const user = await signIn(email);
      const refused = await send("GET", "audit.list", { org: "acme" }, user);
      expect(refused.status).toBe(403);
    }
    const admin = await signIn("admin@acme.example");
    // Another organization's log answers like a made-up organization's.
    expect((await send("GET", "audit.list", { org: "agency" }, admin)).status).toBe(404);
    expect((await send("GET", "audit.list", { org: "no-such-org" }, admin)).status).toBe(404);
    const productAdmin = await signIn("product-admin@acme.example");
    expect((await send("GET", "audit.list", { org: "agency" }, productAdmin)).status).toBe(404);
    const tooMany = await send("GET", "audit.list", { org: "acme", limit: 201 }, admin);
    expect(tooMany.status).toBe(400);
    expect(tooMany.error?.message).toContain("limit");
    const anonymous = await send("GET", "audit.list", { org: "acme" }, {});
    expect(anonymous.status).toBe(401);
  });

  it("a product, instance or project admin reads the entries about what it administers, and nothing else", async () => {
    const admin = await signIn("admin@acme.example");
    const grant = async (user: string, role: string, scope: Record<string, string>) => {
      const made = await send(
        "POST",
        "grants.create",
        { subject: { kind: "user", id: user }, role, scope },
        admin,
      );
      expect(made.status).toBe(200);
      return (made.data as { id: string }).id;
    };
    const acme = { org: "acme" };
    const cmsGrant = await grant("demo-customeruser", "cms:content-editors", {
      ...acme,
      product: "cms",
      instance: "acme-cms",
    });
    const mcGrant = await grant("demo-exp-viewer", "mission-control:customerUser", {
      ...acme,
      product: "mission-control",
      instance: "acme-mc-sandbox",
    });
    const homepageGrant = await grant("demo-customerdev", "experimentation:viewer", {
      ...acme,
      product: "experimentation",
      instance: "acme-exp",
      project: "acme-homepage",
    });
    const checkoutGrant = await grant("demo-customerdev", "experimentation:viewer", {
      ...acme,
      product: "experimentation",
      instance: "acme-exp",
      project: "acme-checkout",
    });
    const role = await send(
      "POST",
      "roles.createCustom",
      { product: "cms", instance: "acme-cms", roleName: "Audited", permissions: ["cms:content.edit"] },
      admin,
    );
    expect(role.status).toBe(200);
    const roleId = (role.data as { id: string }).id;
    const group = await send("POST", "groups.create", { org: "acme", name: "Audit reach" }, admin);
    const groupId = (group.data as { id: string }).id;

    /** Every entry the user reads, all pages. */
    const readAll = async (email: string) => {
      const user = await signIn(email);
      const seen: Entry[] = [];
      let cursor: string | null = null;
      do {
        const input: Record<string, unknown> = { org: "acme", limit: 200 };
        if (cursor !== null) input.cursor = cursor;
        const page = await send("GET", "audit.list", input, user);
        expect(page.status).toBe(200);
        seen.push(...(page.data as Page).items);
        cursor = (page.data as Page).nextCursor;
      } while (cursor !== null);
      return new Set(seen.map((e) => e.target.id));
    };

    const productAdmin = await readAll("product-admin@acme.example");
    expect(productAdmin.has(cmsGrant)).toBe(true);
    expect(productAdmin.has(roleId)).toBe(true);
    for (const other of [mcGrant, homepageGrant, checkoutGrant, groupId])
      expect(productAdmin.has(other)).toBe(false);

    const instanceAdmin = await readAll("instance-admin@acme.example");
    expect(instanceAdmin.has(cmsGrant)).toBe(true);
    expect(instanceAdmin.has(mcGrant)).toBe(false);

    const projectOwner = await readAll("project-owner@acme.example");
    expect(projectOwner.has(checkoutGrant)).toBe(true);
    for (const other of [homepageGrant, cmsGrant, mcGrant, roleId])
      expect(projectOwner.has(other)).toBe(false);

    // The Experimentation administrator counts as instance admin of its instance: both projects, no CMS.
    const expAdmin = await readAll("exp-administrator@acme.example");
    expect(expAdmin.has(checkoutGrant) && expAdmin.has(homepageGrant)).toBe(true);
    expect(expAdmin.has(cmsGrant)).toBe(false);

    // Removing a grant is still about its place: the product admin sees the removal too.
    const removed = await rows<{ version: number }>(`select version from grants where id = '${cmsGrant}'`);
    const gone = await send("POST", "grants.remove", { id: cmsGrant, version: removed[0]?.version }, admin);
    expect(gone.status).toBe(200);
    const pa = await signIn("product-admin@acme.example");
    const removals = (await send("GET", "audit.list", { org: "acme", action: "grant.remove" }, pa))
      .data as Page;
    expect(removals.items.map((e) => e.target.id)).toEqual([cmsGrant]);
  });

  it("names a grant by its role and holder and an invitation by its invitee, never by their ids", async () => {
    const admin = await signIn("admin@acme.example");
    const scope = { org: "acme", product: "cms", instance: "acme-cms" };
    const made = await send(
      "POST",
      "grants.create",
      { subject: { kind: "user", id: "demo-customeruser" }, role: "cms:content-editors", scope },
      admin,
    );
    expect(made.status).toBe(200);
    const invited = await send(
      "POST",
      "users.invite",
      {
        org: "acme",
        emails: ["named-invitee@acme.example"],
        language: "en",
        grants: [{ role: "cms:content-editors", scope }],
      },
      admin,
    );
    expect(invited.status).toBe(200);
    const { invitationId } = (invited.data as { invited: [{ invitationId: string }] }).invited[0];
    expect((await send("POST", "invitations.revoke", { id: invitationId }, admin)).status).toBe(200);
    const named = async (action: string, id: string) => {
      const page = (await send("GET", "audit.list", { org: "acme", action }, admin)).data as Page;
      const entry = page.items.find((e) => e.target.id === id) as Entry & { target: { name: string | null } };
      return entry.target.name;
    };
    const [holder] = await rows<{ name: string }>("select name from users where id = 'demo-customeruser'");
    expect(await named("grant.create", (made.data as { id: string }).id)).toBe(
      `Content Editors of ${holder?.name}`,
    );
    const [invitee] = await rows<{ name: string }>(
      "select name from users where email = 'named-invitee@acme.example'",
    );
    expect(invitee?.name).toMatch(/\w/);
    expect(await named("invitation.revoke", invitationId)).toBe(invitee?.name);
  });

  it("audit.actors finds the people who acted in what the reader reads, by name or email, below super admin too", async () => {
    const instanceAdmin = await signIn("instance-admin@acme.example");
    const given = await send(
      "POST",
      "grants.create",
      {
        subject: { kind: "user", id: "demo-exp-viewer" },
        role: "cms:content-editors",
        scope: { org: "acme", product: "cms", instance: "acme-cms" },
      },
      instanceAdmin,
    );
    expect(given.status).toBe(200);
    const me = (await send("GET", "auth.me", undefined, instanceAdmin)).data as {
      name: string;
      email: string;
    };
    for (const text of [me.name, me.email.toUpperCase()]) {
      const found = await send("GET", "audit.actors", { org: "acme", text }, instanceAdmin);
      expect(found.status).toBe(200);
      expect(found.data).toEqual([{ id: "demo-instance-admin", name: me.name, email: me.email }]);
    }
    // Nobody of that name acted in what it reads; a customer user reads no log at all.
    expect(
      (await send("GET", "audit.actors", { org: "acme", text: "Nobody here" }, instanceAdmin)).data,
    ).toEqual([]);
    const customer = await signIn("customeruser@acme.example");
    expect((await send("GET", "audit.actors", { org: "acme", text: me.name }, customer)).status).toBe(403);
  });
});

// Organizations through app.request over a demo database: the operator provisions and enables products
// (audited as the operator), users cannot (403, nothing written); mine, get and list by who may read them.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

interface OrgView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly products: ReadonlyArray<string>;
  readonly version: number;
  readonly superAdmin?: boolean;
}

describe("organizations", () => {
  it("the operator creates an organization and enables products, each audited as the operator", async () => {
    const operator = await signIn("operator@gatehouse.example");
    const created = await send(
      "POST",
      "organizations.create",
      { id: "globex", name: " Globex ", kind: "customer", products: ["admin-center"] },
      operator,
    );
    expect(created.status).toBe(200);
    expect(created.data).toMatchObject({
      id: "globex",
      name: "Globex",
      products: ["admin-center"],
      version: 1,
    });
    expect(await rows("select name from groups where org = 'globex'")).toEqual([{ name: "Everyone" }]);

    const duplicate = await send(
      "POST",
      "organizations.create",
      { id: "globex", name: "Again", kind: "customer" },
      operator,
    );
    expect(duplicate.status).toBe(409);
    const unknown = await send(
      "POST",
      "organizations.setProducts",
      { id: "globex", version: 1, products: ["no-such-product"] },
      operator,
    );
    expect(unknown.status).toBe(400);

    const enabled = await send(
      "POST",
      "organizations.setProducts",
      { id: "globex", version: 1, products: ["admin-center", "experimentation"] },
      operator,
    );
    expect(enabled.status).toBe(200);
    expect((enabled.data as OrgView).products).toEqual(["admin-center", "experimentation"]);
    const stale = await send(
      "POST",
      "organizations.setProducts",
      { id: "globex", version: 1, products: [] },
      operator,
    );
    expect(stale.status).toBe(409);

    const got = await send("GET", "organizations.get", { id: "globex" }, operator);
    expect(got.data).toMatchObject({ products: ["admin-center", "experimentation"], version: 2 });
    const all = (await send("GET", "organizations.list", undefined, operator)).data as ReadonlyArray<OrgView>;
    expect(all.map((o) => [o.id, o.superAdmin])).toEqual([
      ["acme", true],
      ["agency", false],
      ["globex", false],
    ]);

    const audit = await rows<{ action: string; actor_kind: string; actor_id: string; org: string }>(
      "select action, actor_kind, actor_id, org from audit_log where target_kind = 'organization' and target_id = 'globex' order by id",
    );
    expect(audit).toEqual([
      { action: "organization.create", actor_kind: "operator", actor_id: "op-demo", org: "globex" },
      { action: "organization.products.set", actor_kind: "operator", actor_id: "op-demo", org: "globex" },
    ]);
  });

  it("users cannot provision or enable products (403, nothing written) nor list organizations", async () => {
    const admin = await signIn("admin@acme.example");
    const before = await auditCount();
    const create = await send(
      "POST",
      "organizations.create",
      { id: "initech", name: "Initech", kind: "partner" },
      admin,
    );
    expect(create.status).toBe(403);
    expect(create.error?.message).toContain("platform operator");
    const acme = (await send("GET", "organizations.mine", undefined, admin)).data as OrgView;
    const enable = await send(
      "POST",
      "organizations.setProducts",
      { id: "acme", version: acme.version, products: ["admin-center"] },
      admin,
    );
    expect(enable.status).toBe(403);
    expect((await send("GET", "organizations.list", undefined, admin)).status).toBe(403);
    expect(await auditCount()).toBe(before);
    expect(await rows("select id from organizations where id = 'initech'")).toEqual([]);
    const after = (await send("GET", "organizations.mine", undefined, admin)).data as OrgView;
    expect(after.products).toEqual(acme.products);
  });

  it("a user reads its own organization with enabled products; another organization is NOT_FOUND", async () => {
    const partner = await signIn("partneradmin@agency.example");
    const mine = await send("GET", "organizations.mine", undefined, partner);
    expect(mine.status).toBe(200);
    expect(mine.data).toMatchObject({
      id: "agency",
      kind: "partner",
      products: ["admin-center", "mission-control"],
    });
    expect((await send("GET", "organizations.get", { id: "agency" }, partner)).status).toBe(200);
    expect((await send("GET", "organizations.get", { id: "acme" }, partner)).status).toBe(404);
    const operator = await signIn("operator@gatehouse.example");
    expect((await send("GET", "organizations.mine", undefined, operator)).status).toBe(404);
  });

  it("refuses bad provisioning input naming the field, with the words the console shows, and writes nothing", async () => {
    const operator = await signIn("operator@gatehouse.example");
    const before = await auditCount();
    const create = (input: unknown) => send("POST", "organizations.create", input, operator);
    const badId = await create({ id: "Initech Inc", name: "Initech", kind: "customer" });
    expect(badId.status).toBe(400);
    expect(badId.error?.message).toBe(
      "id: use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit",
    );
    const noName = await create({ id: "initech", name: "  ", kind: "customer" });
    expect(noName.status).toBe(400);
    expect(noName.error?.message).toMatch(/^name: /);
    const badKind = await create({ id: "initech", name: "Initech", kind: "vendor" });
    expect(badKind.error?.message).toMatch(/^kind: /);
    const badProduct = await create({ id: "initech", name: "Initech", kind: "customer", products: ["nope"] });
    expect(badProduct.error?.message).toBe('products.0: unknown product "nope"');
    const firstAdmin = await send(
      "POST",
      "organizations.inviteFirstAdmin",
      { org: "acme", email: "not-an-email", name: "X" },
      operator,
    );
    expect(firstAdmin.status).toBe(400);
    expect(firstAdmin.error?.message).toMatch(/^email: /);
    expect(await auditCount()).toBe(before);
    expect(await rows("select id from organizations where id = 'initech'")).toEqual([]);
  });

  it("may answers the provisioning calls as they answer: the operator allowed, an admin refused", async () => {
    const operator = await signIn("operator@gatehouse.example");
    const admin = await signIn("admin@acme.example");
    const input = { id: "acme", version: 1, products: ["admin-center"] };
    const may = (call: typeof operator, procedure: string, asked: unknown) =>
      send("GET", "may", { procedure, input: asked }, call).then((answer) => answer.data);
    expect(await may(operator, "organizations.setProducts", input)).toEqual({ allowed: true });
    const refused = await may(admin, "organizations.setProducts", input);
    expect(refused).toMatchObject({ allowed: false, code: "FORBIDDEN" });
    expect(
      await may(operator, "organizations.create", { id: "Bad Id", name: "x", kind: "customer" }),
    ).toEqual({
      allowed: false,
      code: "BAD_REQUEST",
      reason: "id: use 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit",
    });
  });
});

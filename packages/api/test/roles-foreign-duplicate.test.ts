// Duplicating a role names it by id: another organization's custom role answers exactly like a missing one
// (same code and message shape), nothing is written, and its permissions are never copied.
import { describe, expect, it } from "vitest";
import { demoApi } from "./support/demo-api.ts";

const { send, signIn, rows, auditCount } = demoApi();

const foreign = "cms:custom_globex_secret";
const missing = "cms:custom_made_up";

describe("roles.createCustom with duplicateFrom", () => {
  it("another organization's custom role is NOT_FOUND like a missing one; the organization's own duplicates", async () => {
    const operator = await signIn("operator@gatehouse.example");
    const globex = { id: "globex", name: "Globex", kind: "customer", products: ["cms"] };
    expect((await send("POST", "organizations.create", globex, operator)).status).toBe(200);
    await rows(
      `insert into roles (id, product, type, name, org) values ('${foreign}', 'cms', 'custom', 'Secret', 'globex')`,
    );
    await rows(`insert into role_permissions (role, action) values ('${foreign}', 'cms:content.publish')`);

    const admin = await signIn("admin@acme.example");
    const audits = await auditCount();
    const create = (duplicateFrom: string) =>
      send(
        "POST",
        "roles.createCustom",
        { product: "cms", instance: "acme-cms", roleName: "Copy", duplicateFrom },
        admin,
      );
    const [fromForeign, fromMissing] = [await create(foreign), await create(missing)];
    expect(fromForeign.status).toBe(404);
    expect(fromMissing.status).toBe(404);
    expect(fromForeign.error?.data.code).toBe(fromMissing.error?.data.code);
    expect(fromForeign.error?.message.replace(foreign, "<id>")).toBe(
      fromMissing.error?.message.replace(missing, "<id>"),
    );
    expect(await auditCount()).toBe(audits);
    expect(await rows(`select id from roles where duplicated_from = '${foreign}'`)).toEqual([]);

    const own = await create("cms:content-editors");
    expect(own.status).toBe(200);
  });
});

// The custom-role rule (rules/custom-role.ts) as tables: which products allow custom roles (seed 002: not Admin
// Center, Configured Commerce or Experimentation), which actions belong, the default name and where one is granted.
import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  CustomRoleRejected,
  checkCustomRole,
  checkCustomRolePlacement,
  customRoleName,
  noCustomRoles,
  products,
  productsById,
  RoleDefinitionRejected,
} from "../../src/index.ts";
import { world } from "../support/world.ts";

/** The refusal's reason and message, or "ok". */
const outcome = <A>(result: Result.Result<A, CustomRoleRejected>) =>
  Result.isSuccess(result) ? "ok" : { reason: result.failure.reason, message: result.failure.message };

describe("which products allow custom roles", () => {
  const without = ["admin-center", "configured-commerce", "experimentation"];
  for (const product of products)
    it(`${product.id}: ${without.includes(product.id) ? "none" : "allowed"}`, () => {
      expect(product.customRoles).toBe(!without.includes(product.id));
      const result = checkCustomRole(productsById, { product: product.id, permissions: [] });
      if (product.customRoles) expect(outcome(result)).toBe("ok");
      else
        expect(outcome(result)).toEqual({
          reason: "no-custom-roles",
          message: `product: ${noCustomRoles(product)}`,
        });
    });

  it("says what to use instead where the catalog knows it", () => {
    const adminCenter = productsById.get("admin-center");
    expect(adminCenter && noCustomRoles(adminCenter)).toBe(
      "Opti ID Admin Center does not support custom roles: restricted admin access is given with the admin levels: grant admin-center:instance-admin or admin-center:project-owner where the access should reach",
    );
    const commerce = productsById.get("configured-commerce");
    expect(commerce && noCustomRoles(commerce)).toBe("Configured Commerce does not support custom roles");
  });
});

describe("which actions a custom role holds", () => {
  const rows: ReadonlyArray<readonly [string, ReadonlyArray<string>, ReturnType<typeof outcome>]> = [
    ["cms", ["cms:content.edit"], "ok"],
    ["cms", [], "ok"],
    [
      "cms",
      ["cms:content.edit", "pim:product.edit"],
      { reason: "foreign-action", message: 'permissions: "pim:product.edit" is not an action of CMS' },
    ],
    [
      "mission-control",
      ["made-up:thing.do"],
      {
        reason: "foreign-action",
        message: 'permissions: "made-up:thing.do" is not an action of Mission Control',
      },
    ],
    [
      "nowhere",
      ["cms:content.edit"],
      { reason: "unknown-product", message: 'product: unknown product "nowhere"' },
    ],
  ];
  for (const [product, permissions, expected] of rows)
    it(`${product} with [${permissions.join(", ")}] → ${typeof expected === "string" ? expected : expected.reason}`, () => {
      expect(outcome(checkCustomRole(productsById, { product, permissions }))).toEqual(expected);
    });
});

describe("the default name <Product>-<Instance>-<Role>", () => {
  it("joins the product's label, the instance's name and the role's own name", () => {
    expect(outcome(customRoleName({ product: "CMS", instance: "Acme Site", role: "Editors" }))).toBe("ok");
    expect(
      Result.getOrThrow(customRoleName({ product: "CMS", instance: "Acme Site", role: " Editors " })),
    ).toBe("CMS-Acme Site-Editors");
    expect(Result.getOrThrow(customRoleName({ product: "CMS", role: "Editors" }))).toBe("CMS-Editors");
  });

  it("refuses a role without a name", () => {
    for (const role of [undefined, "", "  "])
      expect(outcome(customRoleName({ product: "CMS", instance: "Acme Site", role }))).toEqual({
        reason: "unnamed",
        message: "roleName: a custom role needs a name",
      });
  });
});

describe("where a custom role is granted", () => {
  const made = { name: "CMS-Acme Site-Editors", instance: "acme-site" };
  const rows: ReadonlyArray<readonly [string, Record<string, string>, boolean]> = [
    ["its instance", { org: "acme", product: "cms", instance: "acme-site" }, true],
    ["a project of its instance", { org: "acme", product: "cms", instance: "acme-site", project: "p" }, true],
    ["another instance", { org: "acme", product: "cms", instance: "acme-blog" }, false],
    ["product-wide", { org: "acme", product: "cms" }, false],
    ["the organization", { org: "acme" }, false],
  ];
  for (const [where, scope, allowed] of rows)
    it(`${where} → ${allowed ? "ok" : "misplaced"}`, () => {
      const result = checkCustomRolePlacement(made, { org: "acme", ...scope }, "grants.role");
      expect(outcome(result)).toEqual(
        allowed
          ? "ok"
          : {
              reason: "misplaced",
              message:
                'grants.role: the custom role "CMS-Acme Site-Editors" belongs to instance acme-site: it can be granted only there or on its projects',
            },
      );
    });

  it("a role made without an instance is granted anywhere its product is", () => {
    expect(
      outcome(checkCustomRolePlacement({ name: "x", instance: null }, { org: "acme", product: "cms" })),
    ).toBe("ok");
  });
});

describe("the engine asks the same rule", () => {
  it("rejects an Admin Center custom role, as the catalog says", () => {
    const w = world();
    const define = () =>
      w.snapshot.upsertCustomRole({ id: "custom:acme/ac", product: "admin-center", permissions: [] });
    expect(define).toThrow(RoleDefinitionRejected);
    expect(define).toThrow("Opti ID Admin Center does not support custom roles");
  });

  it("rejects a made-up action as not of the product, like the store and the API", () => {
    const w = world();
    expect(() =>
      w.snapshot.upsertCustomRole({ id: "custom:acme/x", product: "cms", permissions: ["cms:made.up"] }),
    ).toThrow('"cms:made.up" is not an action of CMS');
  });

  it("its refusal is a tagged error with a reason", () => {
    const error = new CustomRoleRejected({
      reason: "unnamed",
      field: "roleName",
      detail: "a custom role needs a name",
    });
    expect(error._tag).toBe("CustomRoleRejected");
    expect(error.message).toBe("roleName: a custom role needs a name");
  });
});

// The products' special cases are declarations on ProductDef (adminLevels, administrator, projectOwnersGive,
// partnerRoles): changing a declaration changes the rule, so these tests decide over catalogs declared otherwise.
import { describe, expect, it } from "vitest";
import {
  type Assignment,
  Engine,
  type ProductDef,
  products,
  type RoleId,
  type Scope,
} from "../../src/index.ts";
import { path } from "../support/scopes.ts";
import { NOW } from "../support/world.ts";

const X = "experimentation";
const p1 = path("acme", X, "e1", "p1");
const e1 = path("acme", X, "e1");

/** The catalog with product `id` declared through `change`. */
const declared = (id: string, change: (p: ProductDef) => ProductDef): ReadonlyArray<ProductDef> =>
  products.map((p) => (p.id === id ? change(p) : p));

/** An engine over `catalog` where acme is a customer and agency a partner with every product enabled. */
const engineOver = (catalog: ReadonlyArray<ProductDef>, grants: ReadonlyArray<[string, string, Scope]>) => {
  const engine = new Engine(catalog);
  const snap = engine.snapshot;
  snap.setOrg("acme", { kind: "customer", products: undefined });
  snap.setOrg("agency", { kind: "partner", products: undefined });
  grants.forEach(([user, role, scope], i) => {
    if (!snap.subjects.has(user)) snap.addUser(user, scope.org);
    snap.addGrant({ id: `g${i}`, subject: user, role, scope });
  });
  return engine;
};

const give = (role: string, scope: Scope, targetOrg = scope.org): Assignment => ({ role, scope, targetOrg });

describe("ProductDef.partnerRoles", () => {
  const superAdmin: [string, string, Scope] = ["boss", "admin-center:super-admin", path("acme")];
  const partnerUser = give("mission-control:partnerUser", path("acme", "mission-control", "prod"), "agency");

  it("lets a partner's users hold the declaring product's roles at a customer's scopes, and no other's", () => {
    const catalog = declared("cms", (p) => ({ ...p, partnerRoles: true })).map((p) =>
      p.id === "mission-control" ? { ...p, partnerRoles: false } : p,
    );
    const engine = engineOver(catalog, [superAdmin]);
    expect(
      engine.assign("boss", give("cms:content-editors", path("acme", "cms", "s1"), "agency"), NOW),
    ).toEqual({
      decision: "allow",
      reason: "a super admin may give any role or permission in its organization",
    });
    expect(engine.assign("boss", partnerUser, NOW)).toEqual({
      decision: "invalid",
      reason: "only CMS roles reach across organizations, and only for partner users",
    });
  });

  it("needs the partner to have enabled the declaring product", () => {
    const engine = engineOver(products, [superAdmin]);
    engine.snapshot.setOrg("agency", { kind: "partner", products: new Set(["cms"]) });
    expect(engine.assign("boss", partnerUser, NOW)).toEqual({
      decision: "invalid",
      reason: "partner agency must enable Mission Control before its users hold Mission Control roles",
    });
    // Refusing it (a request for it denied) asks the authority alone: the super admin holds it, no one else.
    expect(engine.assignAuthority("boss", partnerUser, NOW).decision).toBe("allow");
    engine.snapshot.addUser("plain", "acme");
    expect(engine.assignAuthority("plain", partnerUser, NOW).decision).toBe("deny");
  });
});

describe("ProductDef.administrator", () => {
  const admin: [string, string, Scope] = ["ex-admin", `${X}:administrator`, e1];

  it("lets an instance admin holding the product's administrator role give every role of the product", () => {
    const engine = engineOver(products, [admin]);
    expect(engine.assign("ex-admin", give(`${X}:project-owner`, p1), NOW).decision).toBe("allow");
  });

  it("without the declaration, the same grant is only an instance admin, who makes no admins", () => {
    const engine = engineOver(
      declared(X, ({ administrator: _administrator, ...p }) => p),
      [admin],
    );
    expect(engine.assign("ex-admin", give(`${X}:project-owner`, p1), NOW)).toEqual({
      decision: "deny",
      reason: "you cannot add a user as an admin to your instance or project",
    });
  });
});

describe("ProductDef.projectOwnersGive", () => {
  const owner: [string, string, Scope] = ["owner", `${X}:project-owner`, p1];

  it("names the project roles a project owner adds", () => {
    const engine = engineOver(
      declared(X, (p) => ({ ...p, projectOwnersGive: [`${X}:editor` as RoleId] })),
      [owner],
    );
    expect(engine.assign("owner", give(`${X}:editor`, p1), NOW).decision).toBe("allow");
    expect(engine.assign("owner", give(`${X}:viewer`, p1), NOW)).toEqual({
      decision: "deny",
      reason: "a project owner adds only editors and viewers",
    });
    expect(
      engine.assign("owner", give(`${X}:env-viewer`, path("acme", X, "e1", "p1", "production")), NOW)
        .decision,
    ).toBe("allow");
  });

  it("is what makes the Admin Center project owner grantable at the product's projects", () => {
    const engine = engineOver(
      declared(X, ({ projectOwnersGive: _gives, ...p }) => p),
      [["boss", "admin-center:super-admin", path("acme")]],
    );
    expect(engine.assign("boss", give("admin-center:project-owner", p1), NOW).decision).toBe("invalid");
    const declaredToo = engineOver(products, [["boss", "admin-center:super-admin", path("acme")]]);
    expect(declaredToo.assign("boss", give("admin-center:project-owner", p1), NOW).decision).toBe("allow");
  });
});

describe("ProductDef.adminLevels", () => {
  it("are compiled once with the catalog, from the declaring product's roles", () => {
    const catalog = new Engine().snapshot.catalog;
    expect(catalog.adminLevels).toMatchObject({
      superAdmin: catalog.role("admin-center:super-admin").index,
      productAdmin: catalog.role("admin-center:product-admin").index,
      instanceAdmin: catalog.role("admin-center:instance-admin").index,
      projectOwner: catalog.role("admin-center:project-owner").index,
    });
    expect(catalog.adminLevels.administrators).toEqual(
      new Map([[X, catalog.role(`${X}:administrator`).index]]),
    );
    expect(catalog.adminLevels.ownerGives).toEqual(new Map([[X, new Set([`${X}:editor`, `${X}:viewer`])]]));
  });

  it("make the declaring product's actions apply to every product's resources", () => {
    const grants: ReadonlyArray<[string, string, Scope]> = [
      ["pa", "admin-center:product-admin", path("acme", "cms")],
    ];
    const engine = engineOver(products, grants);
    const cmsInstance = { ...path("acme", "cms", "s1") };
    expect(engine.check("pa", "admin-center:user.invite", cmsInstance, NOW)).toBe("allow");
    expect(engine.whatCan("pa", cmsInstance, NOW)).toContain("admin-center:user.invite");
    const undeclared = engineOver(
      declared("admin-center", ({ adminLevels: _levels, ...p }) => p),
      grants,
    );
    expect(undeclared.check("pa", "admin-center:user.invite", cmsInstance, NOW)).toBe("deny");
    expect(undeclared.whatCan("pa", cmsInstance, NOW)).not.toContain("admin-center:user.invite");
  });

  it("undeclared, the Admin Center's roles confer no admin level", () => {
    const grants: ReadonlyArray<[string, string, Scope]> = [
      ["boss", "admin-center:super-admin", path("acme")],
    ];
    const cmsInstance = path("acme", "cms", "s1");
    expect(engineOver(products, grants).landing("boss", NOW)).toBe("products");
    const undeclared = engineOver(
      declared("admin-center", ({ adminLevels: _levels, ...p }) => p),
      grants,
    );
    expect(undeclared.landing("boss", NOW)).toBe("none");
    expect(undeclared.assign("boss", give("cms:content-editors", cmsInstance), NOW)).toEqual({
      decision: "deny",
      reason: "boss holds no admin level covering acme/cms/s1 for cms",
    });
  });
});

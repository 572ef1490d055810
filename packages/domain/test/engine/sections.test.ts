// The Admin Center sections each admin level may use (seed 001: super admin everything, product admin "products,
// groups, and roles", instance admin "only your product instances and users", project owner its projects); the
// partner requests to whoever views the people or decides some of them (a Mission Control product or instance admin).
import { describe, expect, it } from "vitest";
import { path } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const A = "admin-center";

const w = world()
  .users("acme", "super", "product", "instance", "owner", "roles-only", "plain", "mc-product", "mc-instance")
  .grant("super", `${A}:super-admin`, path("acme"))
  .grant("product", `${A}:product-admin`, path("acme", "cms"))
  .grant("instance", `${A}:instance-admin`, path("acme", "cms", "site"))
  .grant("owner", `${A}:project-owner`, path("acme", "experimentation", "e1", "p1"))
  .grant("roles-only", `${A}:roles-admin`, path("acme"))
  .grant("plain", "cms:commerce-admins", path("acme", "cms"))
  .grant("mc-product", `${A}:product-admin`, path("acme", "mission-control"))
  .grant("mc-instance", `${A}:instance-admin`, path("acme", "mission-control", "sandbox"));

describe("Admin Center sections", () => {
  it.each([
    [
      "super",
      [
        "products",
        "users",
        "groups",
        "roles",
        "invitations",
        "access-requests",
        "access-matrix",
        "audit",
        "api-keys",
      ],
    ],
    ["product", ["products", "groups", "roles", "invitations", "access-matrix", "audit"]],
    ["instance", ["products", "invitations", "audit"]],
    ["owner", ["projects", "invitations", "audit"]],
    ["roles-only", ["roles"]],
    ["plain", []],
    [
      "mc-product",
      ["products", "groups", "roles", "invitations", "access-requests", "access-matrix", "audit"],
    ],
    ["mc-instance", ["products", "invitations", "access-requests", "audit"]],
  ])("%s may use %j", (who, sections) => {
    expect(w.engine.sections(who, NOW)).toEqual(sections);
  });

  it("asks somewhere only inside the subject's organization", () => {
    expect(w.engine.allowsSomewhere("product", `${A}:group.manage`, "acme", NOW)).toBe(true);
    expect(w.engine.allowsSomewhere("product", `${A}:group.manage`, "globex", NOW)).toBe(false);
    expect(w.engine.allowsSomewhere("instance", `${A}:group.manage`, "acme", NOW)).toBe(false);
  });

  it("asks within a place only at it or below it", () => {
    const invite = `${A}:user.invite`;
    expect(
      w.engine.allowsWithin("mc-instance", invite, { org: "acme", product: "mission-control" }, NOW),
    ).toBe(true);
    expect(w.engine.allowsWithin("mc-instance", invite, { org: "acme", product: "cms" }, NOW)).toBe(false);
    expect(w.engine.allowsWithin("product", invite, { org: "acme", product: "mission-control" }, NOW)).toBe(
      false,
    );
    expect(w.engine.allowsWithin("super", invite, { org: "acme", product: "mission-control" }, NOW)).toBe(
      true,
    );
  });

  it("follows the grants as they change", () => {
    const v = world()
      .user("u", "acme")
      .grant("u", `${A}:instance-admin`, path("acme", "cms", "site"), { id: "g" });
    expect(v.engine.sections("u", NOW)).toContain("products");
    v.snapshot.removeGrant("g");
    expect(v.engine.sections("u", NOW)).toEqual([]);
  });
});

// Decision table for Opti ID Admin Center (spec section 3, admin-center): the four admin levels,
// Roles Admin's conjunction for custom roles, Experimentation roles implying admin levels, org isolation.
import { describe, expect, it } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { world } from "../support/world.ts";

const A = "admin-center";
const acme = path("acme");
const cms = path("acme", "cms");
const s1 = path("acme", "cms", "s1");
const s2 = path("acme", "cms", "s2");
const odp = path("acme", "odp");
const o1 = path("acme", "odp", "o1");
const exp = path("acme", "experimentation");
const e1 = path("acme", "experimentation", "e1");
const e2 = path("acme", "experimentation", "e2");
const p1 = path("acme", "experimentation", "e1", "p1");
const p2 = path("acme", "experimentation", "e1", "p2");

const w = world()
  .users(
    "acme",
    "super",
    "pa-cms",
    "ia-s1",
    "po-p1",
    "roles-only",
    "roles-ia",
    "roles-pa",
    "exp-admin",
    "exp-owner",
    "roles-exp",
  )
  .user("globex-super", "globex")
  .grant("super", `${A}:super-admin`, acme)
  .grant("pa-cms", `${A}:product-admin`, cms)
  .grant("ia-s1", `${A}:instance-admin`, s1)
  .grant("po-p1", `${A}:project-owner`, p1)
  .grant("roles-only", `${A}:roles-admin`, acme)
  .grant("roles-ia", `${A}:roles-admin`, cms)
  .grant("roles-ia", `${A}:instance-admin`, s1)
  .grant("roles-pa", `${A}:roles-admin`, acme)
  .grant("roles-pa", `${A}:product-admin`, odp)
  .grant("exp-admin", "experimentation:administrator", e1)
  .grant("exp-owner", "experimentation:project-owner", p1)
  .grant("roles-exp", `${A}:roles-admin`, acme)
  .grant("roles-exp", "experimentation:administrator", e1)
  .grant("globex-super", `${A}:super-admin`, path("globex"));

describe("admin-center decisions", () => {
  decisionTable(w.engine, [
    // super admin: everything in its organization, custom roles included
    ["super", `${A}:product.view`, res(cms), "allow"],
    ["super", `${A}:group.manage`, res(acme), "allow"],
    ["super", `${A}:user.delete`, res(p1), "allow"],
    ["super", `${A}:custom-role.create`, res(acme), "allow"],
    ["super", `${A}:custom-role.delete`, res(s1), "allow"],
    // another organization's super admin reaches nothing here
    ["globex-super", `${A}:product.view`, res(cms), "deny"],
    ["globex-super", `${A}:user.invite`, res(s1), "deny"],
    ["globex-super", `${A}:product.view`, res(path("globex", "cms")), "allow"],
    // product admin of cms: products, groups and roles of cms only
    ["pa-cms", `${A}:product.view`, res(cms), "allow"],
    ["pa-cms", `${A}:instance.view`, res(s1), "allow"],
    ["pa-cms", `${A}:user.invite`, res(s2), "allow"],
    ["pa-cms", `${A}:user.edit-role`, res(s1), "allow"],
    ["pa-cms", `${A}:group.manage`, res(cms), "allow"],
    ["pa-cms", `${A}:role.view`, res(cms), "allow"],
    ["pa-cms", `${A}:custom-role.create`, res(cms), "deny"],
    ["pa-cms", `${A}:product.view`, res(odp), "deny"],
    ["pa-cms", `${A}:user.invite`, res(o1), "deny"],
    ["pa-cms", `${A}:group.manage`, res(acme), "deny"],
    // instance admin of s1: only its instance and its users
    ["ia-s1", `${A}:instance.view`, res(s1), "allow"],
    ["ia-s1", `${A}:user.invite`, res(s1), "allow"],
    ["ia-s1", `${A}:user.view`, res(s1), "allow"],
    ["ia-s1", `${A}:user.edit-role`, res(s1), "allow"],
    ["ia-s1", `${A}:user.remove-access`, res(s1), "allow"],
    ["ia-s1", `${A}:user.delete`, res(s1), "allow"],
    ["ia-s1", `${A}:user.invite`, res(s2), "deny"],
    ["ia-s1", `${A}:product.view`, res(cms), "deny"],
    ["ia-s1", `${A}:group.manage`, res(s1), "deny"],
    ["ia-s1", `${A}:custom-role.create`, res(s1), "deny"],
    // project owner of p1: users of its project only
    ["po-p1", `${A}:user.invite`, res(p1), "allow"],
    ["po-p1", `${A}:user.remove-access`, res(p1), "allow"],
    ["po-p1", `${A}:user.delete`, res(p1), "allow"],
    ["po-p1", `${A}:user.invite`, res(p2), "deny"],
    ["po-p1", `${A}:instance.view`, res(e1), "deny"],
    ["po-p1", `${A}:user.invite`, res(e1), "deny"],
    // roles admin: custom roles only together with an admin level whose scope covers them
    ["roles-only", `${A}:role.view`, res(cms), "allow"],
    ["roles-only", `${A}:custom-role.create`, res(cms), "deny"],
    ["roles-only", `${A}:custom-role.delete`, res(s1), "deny"],
    ["roles-ia", `${A}:custom-role.create`, res(s1), "allow"],
    ["roles-ia", `${A}:custom-role.delete`, res(s1), "allow"],
    ["roles-ia", `${A}:custom-role.create`, res(s2), "deny"],
    ["roles-ia", `${A}:custom-role.create`, res(cms), "deny"],
    ["roles-pa", `${A}:custom-role.create`, res(odp), "allow"],
    ["roles-pa", `${A}:custom-role.delete`, res(o1), "allow"],
    ["roles-pa", `${A}:custom-role.create`, res(cms), "deny"],
    // experimentation:administrator at an instance implies admin-center:instance-admin there
    ["exp-admin", `${A}:instance.view`, res(e1), "allow"],
    ["exp-admin", `${A}:user.invite`, res(e1), "allow"],
    ["exp-admin", `${A}:user.delete`, res(p2), "allow"],
    ["exp-admin", `${A}:user.invite`, res(e2), "deny"],
    ["exp-admin", `${A}:product.view`, res(exp), "deny"],
    // experimentation:project-owner at a project implies admin-center:project-owner there
    ["exp-owner", `${A}:user.invite`, res(p1), "allow"],
    ["exp-owner", `${A}:user.edit-role`, res(p1), "allow"],
    ["exp-owner", `${A}:user.invite`, res(p2), "deny"],
    ["exp-owner", `${A}:instance.view`, res(e1), "deny"],
    // roles admin with an admin level implied by experimentation:administrator
    ["roles-exp", `${A}:custom-role.create`, res(e1), "allow"],
    ["roles-exp", `${A}:custom-role.create`, res(e2), "deny"],
  ]);
});

describe("explaining a refused custom role", () => {
  const NOW = Date.parse("2026-01-01T00:00:00Z");
  it("Roles Admin without an admin level there names the combination, not that Roles Admin lacks the action", () => {
    const why = w.engine.explain("roles-ia", `${A}:custom-role.create`, res(s2), NOW);
    expect(why.decision).toBe("deny");
    expect(why.reason).not.toContain("Roles Admin does not include");
    expect(why.reason).toContain("Roles Admin together with");
    expect(why.reason).toContain("Instance Admin");
  });
});

// One role per subject on an environment and on a flag (spec: "an environment role per environment … and a flag
// role per flag"), as tables: which role at which scope is one per entity, two of an invitation's, the words.
import { describe, expect, it } from "vitest";
import { entityRoleHeld, oneRoleEntity, type Scope, twoRolesAtOneEntity } from "../../src/index.ts";

const X = "experimentation";
const project: Scope = { org: "acme", product: X, instance: "e1", project: "p1" };
const production: Scope = { ...project, environment: "production" };
const newCart: Scope = { ...project, flag: "new-cart" };
const darkMode: Scope = { ...project, flag: "dark-mode" };

describe("oneRoleEntity", () => {
  it.each([
    [`${X}:env-viewer`, production, "environment"],
    [`${X}:env-admin`, production, "environment"],
    [`${X}:flag-none`, newCart, "flag"],
    [`${X}:flag-admin`, newCart, "flag"],
    [`${X}:editor`, project, undefined],
    [`${X}:administrator`, { org: "acme", product: X, instance: "e1" }, undefined],
    [`${X}:flag-admin`, production, undefined],
    [`${X}:env-admin`, newCart, undefined],
  ] as const)("%s at %j → %s", (role, scope, expected) => {
    expect(oneRoleEntity(role, scope)).toBe(expected);
  });

  it("a permission grant (no role) is no entity role", () => {
    expect(oneRoleEntity(null, newCart)).toBeUndefined();
  });
});

describe("twoRolesAtOneEntity", () => {
  const g = (role: string, scope: Scope) => ({ role: `${X}:${role}`, scope });
  it.each([
    [
      "two flag roles on one flag",
      [g("editor", project), g("flag-none", newCart), g("flag-admin", newCart)],
      "flag",
    ],
    [
      "two environment roles on one environment",
      [g("env-viewer", production), g("env-admin", production)],
      "environment",
    ],
    ["one role on each of two flags", [g("flag-none", newCart), g("flag-admin", darkMode)], undefined],
    ["a flag role and an environment role", [g("flag-none", newCart), g("env-admin", production)], undefined],
    ["the same role twice", [g("flag-none", newCart), g("flag-none", newCart)], undefined],
  ] as const)("%s → %s", (_case, grants, expected) => {
    expect(twoRolesAtOneEntity(grants)?.entity).toBe(expected);
  });
});

describe("entityRoleHeld", () => {
  it("names the holder, the role held and the entity, and says to change it (not for the same role)", () => {
    expect(
      entityRoleHeld({ holder: "Exp editor", role: "Flag Editor", entity: "New cart", same: false }),
    ).toBe("Exp editor already holds Flag Editor on New cart: change that role instead");
    expect(
      entityRoleHeld({ holder: "Exp editor", role: "Flag Editor", entity: "New cart", same: true }),
    ).toBe("Exp editor already holds Flag Editor on New cart");
  });
});

// The rule that nobody takes its own Super Admin away, as a table: which changes to which grants and groups are
// refused whatever the actor's rights, and which are left to the engine.
import { describe, expect, it } from "vitest";
import {
  type GrantEdit,
  ownGrantRefusal,
  ownGroupRefusal,
  ownRemovalRefusal,
  SUPER_ADMIN_ROLE,
} from "../../src/index.ts";

const SA = SUPER_ADMIN_ROLE;
const later = new Date("2030-01-01T00:00:00Z");
const said = (what: string) =>
  `You cannot ${what} your own Super Admin grant: another super admin of the organization can`;

const grantRows: ReadonlyArray<readonly [string, string | null, boolean, GrantEdit, string | undefined]> = [
  ["removing one's own", SA, true, { kind: "remove" }, said("remove")],
  ["an expiry on one's own", SA, true, { kind: "update", expiresAt: later }, said("set an expiry on")],
  [
    "another role for one's own",
    SA,
    true,
    { kind: "update", role: "admin-center:roles-admin" },
    said("change the role of"),
  ],
  ["lifting one's own expiry", SA, true, { kind: "update", expiresAt: null }, undefined],
  ["keeping one's own role", SA, true, { kind: "update", role: SA }, undefined],
  ["removing another's", SA, false, { kind: "remove" }, undefined],
  ["an expiry on another's", SA, false, { kind: "update", expiresAt: later }, undefined],
  ["removing one's own other role", "cms:content-editors", true, { kind: "remove" }, undefined],
  ["removing one's own permission", null, true, { kind: "remove" }, undefined],
];

describe("ownGrantRefusal", () => {
  for (const [name, role, reachesActor, edit, expected] of grantRows)
    it(name, () => expect(ownGrantRefusal({ role, reachesActor }, edit)).toBe(expected));
});

describe("ownGroupRefusal", () => {
  it("refuses leaving or deleting a group giving the actor Super Admin, and nothing else", () => {
    expect(ownGroupRefusal({ roles: ["cms:content-editors", SA], takesActor: true }, "leave")).toBe(
      "You cannot leave a group that makes you a super admin: another super admin of the organization can",
    );
    expect(ownGroupRefusal({ roles: [SA], takesActor: true }, "delete")).toBe(
      "You cannot delete a group that makes you a super admin: another super admin of the organization can",
    );
    expect(ownGroupRefusal({ roles: [SA], takesActor: false }, "leave")).toBeUndefined();
    expect(
      ownGroupRefusal({ roles: ["cms:content-editors", null], takesActor: true }, "delete"),
    ).toBeUndefined();
  });
});

describe("ownRemovalRefusal", () => {
  it("refuses removing oneself from the account, and nobody else", () => {
    expect(ownRemovalRefusal("ann", "ann")).toBe(
      "You cannot remove yourself from the account: another super admin of the organization can",
    );
    expect(ownRemovalRefusal("ann", "bob")).toBeUndefined();
  });
});

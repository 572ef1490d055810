// Who sees a Feature flag (flag-none hides it entirely) and how an audience use of a hidden flag is named
// (spec section 3, "Granular roles").
import { describe, expect, it } from "vitest";
import { type Allows, type AudienceUse, hiddenUse, type Scope, seesFlag } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { world } from "../support/world.ts";

const X = "experimentation";
const p1 = path("acme", X, "e1", "p1");
const flagAt = (flag: string): Scope => ({ ...p1, flag });
const flag = (id: string) => res(flagAt(id), { platform: "feature", flagStatus: "draft" });

const w = world().users(
  "acme",
  "admin",
  "owner",
  "editor",
  "viewer",
  "editor+flag-none",
  "super",
  "outsider",
);
w.grant("admin", `${X}:administrator`, path("acme", X, "e1"))
  .grant("owner", `${X}:project-owner`, p1)
  .grant("editor", `${X}:editor`, p1)
  .grant("viewer", `${X}:viewer`, p1)
  .grant("editor+flag-none", `${X}:editor`, p1)
  .grant("super", "admin-center:super-admin", { org: "acme" })
  .grant("outsider", `${X}:editor`, path("acme", X, "e1", "p2"));
w.grant("editor+flag-none", `${X}:flag-none`, flagAt("checkout"));

const asks =
  (subject: string): Allows =>
  (action, resource) =>
    w.engine.allows(subject, action, resource);

describe("seesFlag", () => {
  it("a flag-none flag is hidden from its holder, and from no one else with a role on the project", () => {
    expect(seesFlag(asks("editor+flag-none"), flag("checkout"))).toBe(false);
    expect(seesFlag(asks("editor+flag-none"), flag("banner"))).toBe(true);
    for (const subject of ["admin", "owner", "editor", "viewer"])
      expect(seesFlag(asks(subject), flag("checkout")), subject).toBe(true);
  });

  it("whoever views the project's people sees every flag; a user without a role on the project sees none", () => {
    expect(seesFlag(asks("super"), flag("checkout"))).toBe(true);
    expect(seesFlag(asks("outsider"), flag("checkout"))).toBe(false);
  });
});

describe("hiddenUse", () => {
  it("keeps the flag for the decision, drops its name, and explanations call it a flag hidden from you", () => {
    const use: AudienceUse = {
      flag: "checkout",
      environment: "development",
      production: false,
      flagStatus: "running",
      flagName: "Checkout",
      environmentName: "Development",
    };
    const hidden = hiddenUse(use);
    expect(hidden).toEqual({ ...use, flagName: undefined, hidden: true });
    expect("flagName" in hidden).toBe(false);
    const audience = res(p1, { platform: "feature", usedBy: [hidden] });
    const { reason, decision } = w.engine.explain("editor+flag-none", `${X}:audience.edit`, audience);
    expect(decision).toBe("deny");
    expect(reason).toContain("on a flag hidden from you in environment Development");
    expect(reason).not.toContain("checkout");
  });
});

// Decision table for Feature audience roles (spec section 3, "Granular roles"): an audience used by flags gets the
// lowest of the project, environment and flag roles over its uses; an unused audience follows the project role.
import { describe, expect, it } from "vitest";
import type { AudienceUse, Scope } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { NOW, world } from "../support/world.ts";

const X = "experimentation";
const p1 = path("acme", X, "e1", "p1");
const env = (e: string) => path("acme", X, "e1", "p1", e);
/** Where a flag role is granted: at the flag, once for every environment. */
const flagAt = (flag: string): Scope => ({ ...p1, flag });

const use = (
  flag: string,
  environment: string,
  flagStatus: AudienceUse["flagStatus"] | null = "draft",
): AudienceUse => ({
  flag,
  environment,
  production: environment === "production",
  ...(flagStatus === null ? {} : { flagStatus }),
});
/** An audience of p1 used by `uses` (`[]`: no flag uses it). */
const audience = (...uses: AudienceUse[]) => res(p1, { platform: "feature", usedBy: uses });

const w = world().users(
  "acme",
  "admin",
  "owner",
  "publisher",
  "editor",
  "viewer",
  "publisher+flag-viewer",
  "editor+flag-none",
  "publisher+env-editor",
  "viewer+env-admin",
  "owner+flag-none",
  "outsider",
);
w.grant("admin", `${X}:administrator`, path("acme", X, "e1"))
  .grant("owner", `${X}:project-owner`, p1)
  .grant("publisher", `${X}:publisher`, p1)
  .grant("editor", `${X}:editor`, p1)
  .grant("viewer", `${X}:viewer`, p1)
  .grant("publisher+flag-viewer", `${X}:publisher`, p1)
  .grant("editor+flag-none", `${X}:editor`, p1)
  .grant("publisher+env-editor", `${X}:publisher`, p1)
  .grant("publisher+env-editor", `${X}:env-editor`, env("development"))
  .grant("viewer+env-admin", `${X}:viewer`, p1)
  .grant("viewer+env-admin", `${X}:env-admin`, env("development"))
  .grant("owner+flag-none", `${X}:project-owner`, p1)
  .grant("outsider", `${X}:publisher`, path("acme", X, "e1", "p2"));
w.grant("publisher+flag-viewer", `${X}:flag-viewer`, flagAt("checkout"));
w.grant("editor+flag-none", `${X}:flag-none`, flagAt("checkout"));
w.grant("owner+flag-none", `${X}:flag-none`, flagAt("checkout"));

const E = `${X}:audience.edit`;
const A = `${X}:audience.archive`;

describe("experimentation (feature) audience roles", () => {
  describe("an audience no flag uses follows the project role", () => {
    decisionTable(w.engine, [
      ["publisher", E, audience(), "allow"],
      ["editor", E, audience(), "allow"],
      ["editor", A, audience(), "allow"],
      ["viewer", E, audience(), "deny"],
      ["publisher+flag-viewer", E, audience(), "allow"],
      ["editor+flag-none", A, audience(), "allow"],
      ["outsider", E, audience(), "deny"],
    ]);
  });

  describe("a used audience takes the lowest role over its uses", () => {
    decisionTable(w.engine, [
      // flag-viewer on the using flag lowers a publisher to viewer: no edit, no archive
      ["publisher+flag-viewer", E, audience(use("checkout", "development")), "deny"],
      [
        "publisher+flag-viewer",
        A,
        audience(use("banner", "development"), use("checkout", "production")),
        "deny",
      ],
      [
        "publisher+flag-viewer",
        E,
        audience(use("banner", "development"), use("banner", "production", "running")),
        "allow",
      ],
      ["editor+flag-none", E, audience(use("checkout", "development")), "deny"],
      ["editor+flag-none", E, audience(use("banner", "development", "paused")), "allow"],
      // an explicit env-editor lowers a publisher to editor: the ** footnote applies on that use
      ["publisher+env-editor", E, audience(use("banner", "development", "running")), "deny"],
      ["publisher+env-editor", E, audience(use("banner", "development", "paused")), "allow"],
      ["publisher+env-editor", E, audience(use("banner", "production", "running")), "allow"],
      // the editor's production default is env-editor, elsewhere env-publisher: the project role still caps
      ["editor", E, audience(use("banner", "development", "running")), "deny"],
      [
        "editor",
        E,
        audience(use("banner", "production", "draft"), use("checkout", "development", "paused")),
        "allow",
      ],
      [
        "editor",
        A,
        audience(use("banner", "production", "draft"), use("checkout", "development", "running")),
        "deny",
      ],
      // a wider environment role never raises the audience role above the project role
      ["viewer+env-admin", E, audience(use("banner", "development")), "deny"],
      ["publisher", E, audience(use("banner", "production", "running")), "allow"],
      ["viewer", E, audience(use("banner", "development")), "deny"],
      // administrators' and owners' entity roles are locked at the defaults
      ["owner+flag-none", E, audience(use("checkout", "production", "running")), "allow"],
      ["admin", A, audience(use("checkout", "production", "running")), "allow"],
      ["outsider", E, audience(use("banner", "development")), "deny"],
    ]);
  });

  describe("a use's missing attributes fail closed", () => {
    decisionTable(w.engine, [
      ["editor", E, audience(use("banner", "production", null)), "deny", "flagStatus"],
      [
        "editor",
        E,
        res(p1, {
          platform: "feature",
          usedBy: [{ flag: "banner", environment: "production", flagStatus: "draft" }],
        }),
        "deny",
        "production",
      ],
      ["publisher", E, audience(use("banner", "production", null)), "allow"],
    ]);
  });

  describe("a ruleset resource is an audience used by that one ruleset", () => {
    const ruleset = (flag: string, flagStatus: NonNullable<AudienceUse["flagStatus"]>) =>
      res(path("acme", X, "e1", "p1", "development", flag), {
        platform: "feature",
        production: false,
        flagStatus,
      });
    decisionTable(w.engine, [
      ["publisher+flag-viewer", E, ruleset("checkout", "draft"), "deny"],
      ["publisher+flag-viewer", E, ruleset("banner", "running"), "allow"],
      ["editor", E, ruleset("banner", "running"), "deny"],
      ["editor", E, ruleset("banner", "paused"), "allow"],
    ]);
  });

  describe("audience.create stays with the project role", () => {
    decisionTable(w.engine, [
      ["publisher+flag-viewer", `${X}:audience.create`, audience(use("checkout", "development")), "allow"],
      ["viewer", `${X}:audience.create`, audience(), "deny"],
    ]);
  });

  it("explain names the use that lowered the audience role", () => {
    const why = w.engine.explain(
      "publisher+flag-viewer",
      E,
      audience(use("banner", "development"), use("checkout", "production")),
      NOW,
    );
    expect(why.decision).toBe("deny");
    expect(why.reason).toContain("audience role Viewer");
    expect(why.reason).toContain("Flag Viewer on flag checkout in environment production");
    expect(why.nearest?.roleName).toBe("Flag Viewer");
  });

  it("explain names the running use an editor-role audience may not change", () => {
    const why = w.engine.explain(
      "publisher+env-editor",
      A,
      audience(use("banner", "production", "running"), use("banner", "development", "running")),
      NOW,
    );
    expect(why.decision).toBe("deny");
    expect(why.reason).toContain("flag banner in environment development");
    expect(why.failedCondition).toBe("flagStatus is one of draft, paused");
  });

  it("audienceRole answers the rung and the use that decided it", () => {
    const used = audience(use("banner", "development"), use("checkout", "production"));
    expect(w.engine.audienceRole("publisher+flag-viewer", used, NOW)).toEqual({
      role: "viewer",
      label: "Viewer",
      decidedBy: { role: `${X}:flag-viewer`, roleName: "Flag Viewer" },
      use: use("checkout", "production"),
    });
    expect(w.engine.audienceRole("publisher", used, NOW)).toMatchObject({
      role: "publisher",
      use: undefined,
    });
    expect(w.engine.audienceRole("editor+flag-none", used, NOW)).toMatchObject({
      role: "none",
      label: "No access",
    });
    expect(w.engine.audienceRole("outsider", used, NOW)).toMatchObject({
      role: "none",
      decidedBy: undefined,
    });
  });
});

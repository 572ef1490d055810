// Explanations (spec section 2): an allow names the grants that decided it; a deny names the nearest grant and
// the condition that failed or the attribute that was missing; every grant held is listed as considered.
import { describe, expect, it } from "vitest";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const X = "experimentation";
const p1 = path("acme", X, "e1", "p1");
const prodEnv = path("acme", X, "e1", "p1", "production");
const o1 = path("acme", "odp", "o1");
const i1 = path("acme", "pim", "i1");
const flag = (env: string, attrs: Record<string, boolean | string> = {}) =>
  res(path("acme", X, "e1", "p1", env, "checkout"), {
    platform: "feature",
    production: env === "production",
    flagStatus: "running",
    ...attrs,
  });

const w = world()
  .users("acme", "ed", "pub", "both", "mgr", "viewer", "nobody", "twice")
  .grant("ed", `${X}:editor`, p1, { id: "ed-project" })
  .grant("ed", `${X}:env-publisher`, prodEnv, { id: "ed-env" })
  .grant("pub", `${X}:publisher`, p1, { id: "pub-project" })
  .permission("pub", `${X}:flags_multiple_experiments`, p1, { id: "pub-multi" })
  .grant("both", "odp:all-access", o1, { id: "both-aa" })
  .grant("both", "odp:pii-viewer", path("acme", "odp"), { id: "both-pii" })
  .grant("mgr", "pim:PIM_Manager", i1, { id: "mgr-pim" })
  .grant("mgr", "cms:content-editors", path("acme", "cms", "s1"), { id: "mgr-cms" })
  .grant("viewer", `${X}:viewer`, p1, { id: "viewer-project" })
  .grant("viewer", `${X}:env-editor`, prodEnv, { id: "viewer-env" })
  .grant("twice", "cms:content-editors", path("acme", "cms", "s1"), { id: "twice-editor" })
  .grant("twice", "cms:commerce-admins", path("acme", "cms", "s1"), { id: "twice-admin" });

describe("explain", () => {
  it("an allow names the deciding grant with its holder, role and scope", () => {
    const why = w.engine.explain("mgr", "pim:product.approve", res(i1, { assignedToSubject: true }), NOW);
    expect(why.decision).toBe("allow");
    expect(why.deciding).toEqual([
      {
        id: "mgr-pim",
        holder: "mgr",
        via: undefined,
        role: "pim:PIM_Manager",
        roleName: "PIM_Manager",
        scope: i1,
        expiresAt: undefined,
      },
    ]);
    // Names as people read them: the catalog's labels of the action and of the deciding role.
    expect(why.actionName).toBe("Approve products assigned to the user");
    expect(why.reason).toBe("allowed by PIM_Manager");
    expect(why.nearest).toBeUndefined();
    expect(why.failedCondition).toBeUndefined();
    expect(why.missingAttribute).toBeUndefined();
  });

  it("an allow names the grant that holds the action, not another grant on the same resource", () => {
    const why = w.engine.explain("twice", "cms:content.edit", res(path("acme", "cms", "s1")), NOW);
    expect(why.deciding.map((g) => g.id)).toEqual(["twice-admin"]);
  });

  it("a conjunction's allow names a grant of each role", () => {
    const why = w.engine.explain("both", "odp:field.mark-pii", res(o1), NOW);
    expect(why.decision).toBe("allow");
    expect(why.deciding.map((g) => g.id).sort()).toEqual(["both-aa", "both-pii"]);
  });

  it("half a conjunction is a deny whose nearest grant is the half held", () => {
    const why = w.engine.explain("both", "odp:field.mark-pii", res(path("acme", "odp", "o2")), NOW);
    expect(why.decision).toBe("deny");
    expect(why.nearest?.id).toBe("both-pii");
  });

  it("a granular allow names the project grant and the explicit environment grant", () => {
    const why = w.engine.explain("ed", `${X}:flag.toggle`, flag("production"), NOW);
    expect(why.decision).toBe("allow");
    expect(why.deciding.map((g) => g.id).sort()).toEqual(["ed-env", "ed-project"]);
  });

  it("flag.create through an environment editor role names both grants", () => {
    const why = w.engine.explain("viewer", `${X}:flag.create`, res(p1, { platform: "feature" }), NOW);
    expect(why.decision).toBe("allow");
    expect(why.deciding.map((g) => g.id).sort()).toEqual(["viewer-env", "viewer-project"]);
  });

  it("a second experiment's allow names the flags_multiple_experiments grant it needed", () => {
    const why = w.engine.explain(
      "pub",
      `${X}:experiment.create`,
      flag("development", { flagHasExperiment: true }),
      NOW,
    );
    expect(why.decision).toBe("allow");
    // without pub-multi the same grants deny (see the feature decision table), so it is part of the reason
    expect(why.deciding.map((g) => g.id)).toContain("pub-multi");
  });

  it("a deny by a failed condition names the nearest grant and the condition", () => {
    const why = w.engine.explain("mgr", "pim:product.approve", res(i1, { assignedToSubject: false }), NOW);
    expect(why.decision).toBe("deny");
    expect(why.nearest?.id).toBe("mgr-pim");
    expect(why.failedCondition).toContain("assignedToSubject");
    expect(why.missingAttribute).toBeUndefined();
    expect(why.deciding).toEqual([]);
  });

  it("a deny by a missing attribute names the nearest grant and the attribute", () => {
    const why = w.engine.explain("mgr", "pim:product.approve", res(i1), NOW);
    expect(why.decision).toBe("deny");
    expect(why.nearest?.id).toBe("mgr-pim");
    expect(why.missingAttribute).toBe("assignedToSubject");
  });

  it("an editor's production-dependent deny without the production attribute names it", () => {
    const devFlag = res(path("acme", X, "e1", "p1", "development", "f"), { platform: "feature" });
    const why = world()
      .user("e", "acme")
      .grant("e", `${X}:editor`, p1, { id: "e-project" })
      .engine.explain("e", `${X}:flag.toggle`, devFlag, NOW);
    expect(why.decision).toBe("deny");
    expect(why.nearest?.id).toBe("e-project");
    expect(why.missingAttribute).toBe("production");
  });

  it("a grant whose role lacks the action is the nearest of a deny", () => {
    const why = w.engine.explain("mgr", "pim:settings.manage", res(i1), NOW);
    expect(why.decision).toBe("deny");
    expect(why.nearest?.id).toBe("mgr-pim");
  });

  it("a deny with no grant on the resource names no nearest grant", () => {
    const why = w.engine.explain("nobody", "pim:imports.view", res(i1), NOW);
    expect(why.decision).toBe("deny");
    expect(why.nearest).toBeUndefined();
    expect(why.deciding).toEqual([]);
    expect(why.reason.length).toBeGreaterThan(0);
  });

  it("considered lists every grant the subject holds, with whether it covers the resource", () => {
    const why = w.engine.explain("mgr", "pim:product.approve", res(i1, { assignedToSubject: true }), NOW);
    const statuses = Object.fromEntries(why.considered.map((c) => [c.grant.id, c.status]));
    expect(statuses).toEqual({ "mgr-pim": "counts", "mgr-cms": "out-of-scope" });
  });

  it("considered marks a partner's grant as not counting when the partner has not enabled the product", () => {
    const v = world()
      .org("agency", "partner", [])
      .user("pu", "agency")
      .grant("pu", "mission-control:partnerUser", path("acme", "mission-control", "prod"), { id: "pu-mc" });
    const why = v.engine.explain(
      "pu",
      "mission-control:site.view",
      res(path("acme", "mission-control", "prod")),
      NOW,
    );
    expect(why.decision).toBe("deny");
    expect(why.considered.map((c) => [c.grant.id, c.status])).toEqual([
      ["pu-mc", "partner-product-disabled"],
    ]);
  });

  it("the explanation's resource is the scope without its attributes", () => {
    const why = w.engine.explain("mgr", "pim:product.approve", res(i1, { assignedToSubject: true }), NOW);
    expect(why.resource).toEqual(i1);
  });

  describe("a Web-only role on a Feature project is named, not taken for no role", () => {
    const webOnly = world()
      .users("acme", "re", "rp", "both", "none")
      .grant("re", `${X}:restricted-editor`, p1, { id: "re-p1" })
      .grant("rp", `${X}:restricted-publisher`, p1, { id: "rp-p1" })
      .grant("both", `${X}:restricted-editor`, p1, { id: "both-re" })
      .grant("both", `${X}:viewer`, p1, { id: "both-viewer" })
      .grant("none", "cms:content-editors", path("acme", "cms", "s1"));
    const feature = { platform: "feature" } as const;
    const asked = [
      [`${X}:flag.view`, res(path("acme", X, "e1", "p1", undefined, "checkout"), feature)],
      [`${X}:experiment.create`, flag("development", { flagStatus: "draft", rulesetPublished: false })],
      [`${X}:environment.permissions.manage`, res(prodEnv, { ...feature, production: true })],
      [`${X}:event.create`, res(p1, feature)],
      [`${X}:audience.edit`, res(p1, { ...feature, usedBy: [] })],
    ] as const;

    for (const [action, resource] of asked)
      it(`${action}: the restricted role exists only on Web projects`, () => {
        for (const [who, label, id] of [
          ["re", "Restricted Editor", "re-p1"],
          ["rp", "Restricted Publisher", "rp-p1"],
        ] as const) {
          const why = webOnly.engine.explain(who, action, resource, NOW);
          expect(why.decision).toBe("deny");
          expect(why.reason).toBe(
            `${label} exists only on Web projects: it gives nothing on a Feature project`,
          );
          expect(why.nearest?.id).toBe(id);
        }
        expect(webOnly.engine.explain("none", action, resource, NOW).reason).not.toContain("Web");
      });

    it("with a Feature project role beside it, the project role decides and explains", () => {
      expect(webOnly.engine.explain("both", asked[0][0], asked[0][1], NOW).decision).toBe("allow");
      const why = webOnly.engine.explain("both", `${X}:flag.edit`, asked[0][1], NOW);
      expect(why.decision).toBe("deny");
      expect(why.reason).toBe("flag role Flag Viewer does not include Edit flags");
    });

    it("someone with no role on the project still reads so", () => {
      expect(webOnly.engine.explain("none", asked[0][0], asked[0][1], NOW).reason).toBe(
        "no role on this project",
      );
    });

    it("on a Web project the restricted role explains as before", () => {
      const web = res(path("acme", X, "e1", "w1"), { platform: "web", changeKind: "visual-editor" });
      const why = world()
        .user("re", "acme")
        .grant("re", `${X}:restricted-editor`, path("acme", X, "e1", "w1"), { id: "re-w1" })
        .engine.explain("re", `${X}:experiment.publish`, web, NOW);
      expect(why.reason).toBe("Restricted Editor does not include Publish experiments and campaigns");
    });
  });
});

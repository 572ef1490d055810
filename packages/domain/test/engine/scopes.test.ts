// Scopes (spec section 1): a grant covers every resource whose path starts with its own, never a sibling
// (p1 does not cover p2, one instance not another) nor another organization, and never reaches upwards.
import { describe, expect, it } from "vitest";
import { path, res } from "../support/scopes.ts";
import { decisionTable } from "../support/table.ts";
import { NOW, world } from "../support/world.ts";

const X = "experimentation";
const feature = { platform: "feature" } as const;
const flagIn = (org: string, instance: string, project: string, env: string) =>
  res(path(org, X, instance, project, env, "checkout"), {
    ...feature,
    production: false,
    flagStatus: "draft",
  });

const w = world()
  .user("project-editor", "acme")
  .user("instance-editor", "acme")
  .user("product-viewer", "acme")
  .user("cms-instance", "acme")
  .user("odp-instance", "acme")
  .grant("project-editor", `${X}:editor`, path("acme", X, "e1", "p1"))
  .grant("instance-editor", `${X}:editor`, path("acme", X, "e1"))
  .grant("product-viewer", `${X}:viewer`, path("acme", X))
  .grant("cms-instance", "cms:content-admins", path("acme", "cms", "s1"))
  .grant("odp-instance", "odp:analyst", path("acme", "odp", "o1"));

describe("scopes", () => {
  describe("a grant never reaches a sibling nor another organization", () => {
    decisionTable(w.engine, [
      ["project-editor", `${X}:flag.edit`, flagIn("acme", "e1", "p1", "development"), "allow"],
      ["project-editor", `${X}:flag.edit`, flagIn("acme", "e1", "p2", "development"), "deny"],
      ["project-editor", `${X}:project.view`, res(path("acme", X, "e1", "p2"), feature), "deny"],
      // the same project id in another instance is another project
      ["project-editor", `${X}:flag.edit`, flagIn("acme", "e2", "p1", "development"), "deny"],
      // the same path in another organization
      ["project-editor", `${X}:flag.edit`, flagIn("globex", "e1", "p1", "development"), "deny"],
      ["cms-instance", "cms:addon.manage", res(path("acme", "cms", "s1")), "allow"],
      ["cms-instance", "cms:addon.manage", res(path("acme", "cms", "s2")), "deny"],
      ["cms-instance", "cms:addon.manage", res(path("globex", "cms", "s1")), "deny"],
      ["odp-instance", "odp:report.view", res(path("acme", "odp", "o2")), "deny"],
    ]);
  });

  describe("an instance grant reaches its projects, environments and flags", () => {
    decisionTable(w.engine, [
      ["instance-editor", `${X}:project.view`, res(path("acme", X, "e1", "p1"), feature), "allow"],
      ["instance-editor", `${X}:project.view`, res(path("acme", X, "e1", "p2"), feature), "allow"],
      ["instance-editor", `${X}:flag.toggle`, flagIn("acme", "e1", "p2", "development"), "allow"],
      ["instance-editor", `${X}:flag.edit`, flagIn("acme", "e1", "p9", "staging"), "allow"],
      ["instance-editor", `${X}:project.view`, res(path("acme", X, "e2", "p1"), feature), "deny"],
      ["product-viewer", `${X}:flag.view`, flagIn("acme", "e2", "p7", "development"), "allow"],
      ["product-viewer", `${X}:flag.view`, flagIn("globex", "e2", "p7", "development"), "deny"],
    ]);
  });

  describe("a grant never reaches upwards", () => {
    decisionTable(w.engine, [
      ["cms-instance", "cms:addon.manage", res(path("acme", "cms")), "deny"],
      ["project-editor", `${X}:flag.create`, res(path("acme", X, "e1"), feature), "deny"],
      ["odp-instance", "odp:report.view", res(path("acme", "odp")), "deny"],
    ]);
  });

  it("a resource in an organization the engine has never seen is denied, not an error", () => {
    expect(
      w.engine.check(
        "project-editor",
        `${X}:project.view`,
        res(path("nowhere", X, "e1", "p1"), feature),
        NOW,
      ),
    ).toBe("deny");
  });

  it("a grant at a scope with a gap (a key set below a missing one) is held aside and counts for nothing", () => {
    const v = world().user("u", "acme");
    const gap = { org: "acme", product: "cms", instance: undefined, project: "p1" };
    expect(
      v.snapshot.addGrant({ id: "gap", subject: "u", role: "cms:commerce-admins", scope: gap }),
    ).toBeUndefined();
    expect(v.snapshot.setAside.get("gap")?.reason).toBe("the scope sets a key below a missing one");
    const why = v.engine.explain("u", "cms:content.edit", res(path("acme", "cms", "s1")), NOW);
    expect(why.decision).toBe("deny");
    expect(why.considered).toContainEqual(
      expect.objectContaining({ status: "impossible", note: "the scope sets a key below a missing one" }),
    );
  });

  it("a resource with a gap is nowhere: denied, and explained", () => {
    const nowhere = { org: "acme", product: X, project: "p1" };
    expect(w.engine.check("project-editor", `${X}:project.view`, res(nowhere), NOW)).toBe("deny");
    expect(w.engine.explain("project-editor", `${X}:project.view`, res(nowhere), NOW).reason).toBe(
      "the resource sets a key below a missing one: no such place exists",
    );
  });

  it("a product the organization has not enabled is denied even to a holder of its role", () => {
    const v = world()
      .org("initech", "customer", ["cms"])
      .user("u", "initech")
      .grant("u", "cms:commerce-admins", path("initech", "cms"))
      .grant("u", "odp:all-access", path("initech", "odp"));
    expect(v.engine.check("u", "cms:content.edit", res(path("initech", "cms", "s1")), NOW)).toBe("allow");
    expect(v.engine.check("u", "odp:report.view", res(path("initech", "odp", "o1")), NOW)).toBe("deny");
  });
});

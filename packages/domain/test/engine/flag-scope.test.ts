// The flag scope {…project, flag} (issue 13): the one scope with a gap that is valid, covering its flag and the
// flag's ruleset in every environment; explain, whoCan, whatCan and allowsSomewhere read such grants too.
import { describe, expect, it } from "vitest";
import { isFlagScope, scopeCovers, scopeDepth } from "../../src/index.ts";
import { path, res } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const X = "experimentation";
const p1 = path("acme", X, "e1", "p1");
const checkout = path("acme", X, "e1", "p1", undefined, "checkout");
const inDev = (flag: string, project = "p1") =>
  res(path("acme", X, "e1", project, "development", flag), {
    platform: "feature",
    production: false,
    flagStatus: "draft",
    rulesetPublished: false,
  });

describe("the flag scope", () => {
  it("is valid without an environment; every other gap is not", () => {
    expect(scopeDepth(checkout)).toBe(5);
    expect(isFlagScope(checkout)).toBe(true);
    expect(isFlagScope(path("acme", X, "e1", "p1", "development", "checkout"))).toBe(false);
    expect(scopeDepth(path("acme", X, "e1", undefined, undefined, "checkout"))).toBe(-1);
    expect(scopeDepth(path("acme", X, undefined, "p1"))).toBe(-1);
  });

  it("covers its flag and the flag's ruleset in every environment, never another flag or project", () => {
    expect(scopeCovers(checkout, path("acme", X, "e1", "p1", "staging", "checkout"))).toBe(true);
    expect(scopeCovers(checkout, checkout)).toBe(true);
    expect(scopeCovers(checkout, path("acme", X, "e1", "p1", "staging", "banner"))).toBe(false);
    expect(scopeCovers(checkout, path("acme", X, "e1", "p2", "staging", "checkout"))).toBe(false);
    expect(scopeCovers(checkout, p1)).toBe(false);
    expect(scopeCovers(path("acme", X, "e1", "p1", "development", "checkout"), checkout)).toBe(false);
  });

  const w = world()
    .users("acme", "ed", "toggler", "plain")
    .grant("plain", `${X}:editor`, p1)
    .grant("ed", `${X}:editor`, p1)
    .grant("ed", `${X}:flag-viewer`, checkout)
    .permission("toggler", `${X}:flag.toggle`, checkout);

  it("explain names the flag-scope grant that caps a ruleset, and the one that allows", () => {
    const capped = w.engine.explain("ed", `${X}:flag.toggle`, inDev("checkout"), NOW);
    expect(capped.decision).toBe("deny");
    expect(capped.reason).toContain("Flag Viewer");
    expect(capped.nearest?.scope).toEqual(checkout);
    const viewing = w.engine.explain("ed", `${X}:flag.view`, inDev("checkout"), NOW);
    expect(viewing.decision).toBe("allow");
    expect(viewing.deciding.map((g) => g.scope)).toContainEqual(checkout);
    expect(viewing.considered.find((c) => c.grant.scope.flag === "checkout")?.status).toBe("counts");
    const elsewhere = w.engine.explain("ed", `${X}:flag.toggle`, inDev("banner"), NOW);
    expect(elsewhere.considered.find((c) => c.grant.scope.flag === "checkout")?.status).toBe("out-of-scope");
  });

  it("whoCan finds a holder whose only grant sits at the flag scope; whatCan and allowsSomewhere read it", () => {
    expect(w.engine.whoCan(`${X}:flag.toggle`, inDev("checkout"), NOW)).toEqual(["plain", "toggler"]);
    expect(w.engine.whoCan(`${X}:flag.toggle`, inDev("banner"), NOW)).toEqual(["ed", "plain"]);
    expect(w.engine.whatCan("ed", inDev("checkout"), NOW)).not.toContain(`${X}:flag.edit`);
    expect(w.engine.whatCan("ed", inDev("banner"), NOW)).toContain(`${X}:flag.edit`);
    expect(w.engine.whatCan("toggler", inDev("checkout"), NOW)).toEqual([`${X}:flag.toggle`]);
    expect(w.engine.allowsSomewhere("toggler", `${X}:flag.toggle`, "acme", NOW)).toBe(true);
  });

  it("what-if of a flag role: lost on the flag, and in an environment no grant names, each told once", () => {
    const staging = { ...inDev("checkout"), environment: "staging" };
    const diff = w.engine.whatIf(
      "plain",
      { kind: "create", role: `${X}:flag-none`, scope: checkout },
      [res(checkout, { platform: "feature", flagStatus: "draft" }), staging],
      NOW,
    );
    expect(diff.resources[0]?.lost).toContain(`${X}:flag.view`);
    expect(diff.resources[1]?.lost).toContain(`${X}:flag.toggle`);
    expect(diff.resources[1]?.lost).not.toContain(`${X}:flag.view`);
  });
});

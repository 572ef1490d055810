// Property (a), scopes: a grant never reaches a sibling scope or another organization. Removing every grant
// whose scope does not cover the resource never changes any user's decision on it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GrantInput, Resource } from "../../src/index.ts";
import { build, NOW, RUNS, userIds, worldWithProbes } from "../support/arbitraries.ts";
import { covers } from "../support/scopes.ts";

/**
 * The one documented reach beyond covering scopes: `flag.create` and `audience.create` need editor or above
 * "on the project or on at least one environment" (spec, granular roles), so an environment grant of the
 * resource's own project may count for them.
 */
const sameProjectEnvironment = (g: GrantInput, r: Resource, action: string): boolean =>
  (action === "experimentation:flag.create" || action === "experimentation:audience.create") &&
  g.scope.environment !== undefined &&
  g.scope.flag === undefined &&
  g.scope.org === r.org &&
  g.scope.product === r.product &&
  g.scope.instance === r.instance &&
  g.scope.project === r.project;

describe("property: scope isolation", () => {
  it("dropping grants that do not cover the resource (siblings, other organizations, deeper scopes) changes nothing", () => {
    let allows = 0;
    fc.assert(
      fc.property(worldWithProbes(5), ([spec, probes]) => {
        const full = build(spec);
        for (const [resource, action] of probes) {
          const kept = spec.grants.filter(
            (g) => covers(g.scope, resource) || sameProjectEnvironment(g, resource, action),
          );
          const reduced = build(spec, kept);
          for (const u of userIds(spec)) {
            const expected = full.check(u, action, resource, NOW);
            if (expected === "allow") allows += 1;
            expect(reduced.check(u, action, resource, NOW)).toBe(expected);
          }
        }
      }),
      RUNS,
    );
    // the property was exercised on allows, not only on denies
    expect(allows).toBeGreaterThan(0);
  });

  it("the same grants moved to another organization never reach the first one", () => {
    fc.assert(
      fc.property(worldWithProbes(5), ([spec, probes]) => {
        const elsewhere = spec.grants.map((g) => ({
          ...g,
          scope: { ...g.scope, org: `${g.scope.org}-other` },
        }));
        const moved = build(spec, elsewhere);
        for (const [resource, action] of probes)
          for (const u of userIds(spec)) expect(moved.check(u, action, resource, NOW)).toBe("deny");
      }),
      RUNS,
    );
  });
});

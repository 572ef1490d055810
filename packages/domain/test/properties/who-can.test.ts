// Property (d), whoCan: whoCan(action, resource) is exactly the sorted list of users for whom check allows,
// whatever the world (groups, partner organizations, expired grants, granular roles).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build, NOW, RUNS, userIds, worldWithProbes } from "../support/arbitraries.ts";

describe("property: whoCan", () => {
  it("contains exactly the users check allows", () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(worldWithProbes(8), ([spec, probes]) => {
        const engine = build(spec);
        for (const [resource, action] of probes) {
          const allowed = userIds(spec)
            .filter((u) => engine.check(u, action, resource, NOW) === "allow")
            .sort();
          const who = engine.whoCan(action, resource, NOW);
          if (who.length > 0) nonEmpty += 1;
          expect(who).toEqual(allowed);
        }
      }),
      RUNS,
    );
    expect(nonEmpty).toBeGreaterThan(0);
  });
});

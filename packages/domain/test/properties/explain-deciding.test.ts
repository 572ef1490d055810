// Property (c), explanations: explain's decision always equals check's, and for every allow the deciding
// grants it names reproduce the allow on their own (a fresh world holding only those grants).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { build, NOW, RUNS, userIds, worldWithProbes } from "../support/arbitraries.ts";

describe("property: explain", () => {
  it("agrees with check, and an allow's deciding grants suffice on their own", () => {
    let allows = 0;
    fc.assert(
      fc.property(worldWithProbes(6), ([spec, probes]) => {
        const full = build(spec);
        for (const [resource, action] of probes)
          for (const u of userIds(spec)) {
            const why = full.explain(u, action, resource, NOW);
            expect(why.decision).toBe(full.check(u, action, resource, NOW));
            if (why.decision !== "allow") {
              expect(why.deciding).toEqual([]);
              continue;
            }
            allows += 1;
            const ids = new Set(why.deciding.map((g) => g.id));
            expect(ids.size).toBeGreaterThan(0);
            const alone = build(
              spec,
              spec.grants.filter((g) => ids.has(g.id)),
            );
            expect(alone.check(u, action, resource, NOW)).toBe("allow");
          }
      }),
      RUNS,
    );
    expect(allows).toBeGreaterThan(0);
  });
});

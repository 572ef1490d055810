// Property (f), whatCan: whatCan(subject, resource) is exactly the set of catalog actions for which check
// allows that subject on that resource.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTIONS, build, NOW, RUNS, userIds, worldWithProbes } from "../support/arbitraries.ts";

describe("property: whatCan", () => {
  it("equals the set of catalog actions check allows", () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(worldWithProbes(3), ([spec, probes]) => {
        const engine = build(spec);
        for (const [resource] of probes)
          for (const u of userIds(spec)) {
            const expected = ACTIONS.filter((a) => engine.check(u, a, resource, NOW) === "allow");
            const can = engine.whatCan(u, resource, NOW);
            if (can.length > 0) nonEmpty += 1;
            expect(new Set(can)).toEqual(new Set(expected));
            expect(can.length).toBe(new Set(can).size);
          }
      }),
      { ...RUNS, numRuns: 100 },
    );
    expect(nonEmpty).toBeGreaterThan(0);
  });
});

// Property: checkActions(subject, actions, resource) answers exactly what check answers for each action, in the
// actions' order (repeats included), and refuses an unknown subject or action as check does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { UnknownAction, UnknownSubject } from "../../src/index.ts";
import { ACTIONS, build, NOW, RUNS, userIds, worldWithProbes } from "../support/arbitraries.ts";

describe("property: checkActions", () => {
  it("equals check of each action, in order", () => {
    let allowed = 0;
    fc.assert(
      fc.property(
        worldWithProbes(3),
        fc.array(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 12 }),
        ([spec, probes], actions) => {
          const engine = build(spec);
          for (const [resource] of probes)
            for (const u of userIds(spec)) {
              const each = engine.checkActions(u, actions, resource, NOW);
              expect(each).toEqual(actions.map((a) => engine.check(u, a, resource, NOW)));
              allowed += each.filter((d) => d === "allow").length;
            }
        },
      ),
      { ...RUNS, numRuns: 100 },
    );
    expect(allowed).toBeGreaterThan(0);
  });

  it("refuses an unknown subject or action as check does", () => {
    fc.assert(
      fc.property(worldWithProbes(1), ([spec, probes]) => {
        const engine = build(spec);
        const [resource] = probes[0] ?? [{ org: "o" }];
        expect(() => engine.checkActions("nobody-at-all", [ACTIONS[0] as string], resource, NOW)).toThrow(
          UnknownSubject,
        );
        const u = userIds(spec)[0];
        if (u !== undefined)
          expect(() => engine.checkActions(u, ["no-product:no.action"], resource, NOW)).toThrow(
            UnknownAction,
          );
      }),
      { ...RUNS, numRuns: 20 },
    );
  });
});

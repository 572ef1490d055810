// Property: checkActions(subject, actions, resource) and checkResources (several resources, an actions list shared or
// not) answer exactly what check answers for each action, in order, audiences too, and refuse unknowns as check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AudienceUse, UnknownAction, UnknownSubject } from "../../src/index.ts";
import { ACTIONS, build, NOW, RUNS, userIds, worldWithProbes } from "../support/arbitraries.ts";
import { path } from "../support/scopes.ts";
import { world } from "../support/world.ts";

const X = "experimentation";
const ENVIRONMENTS = ["production", "development"] as const;
const FLAGS = ["checkout", "banner"] as const;
/** Audience actions around the others a Feature project asks: the audience rule gathers each use's grants in between. */
const AUDIENCE_ASKS = [`${X}:audience.edit`, `${X}:flag.edit`, `${X}:audience.archive`, `${X}:flag.toggle`];

const useArb: fc.Arbitrary<AudienceUse> = fc
  .record({
    flag: fc.constantFrom(...FLAGS),
    environment: fc.constantFrom(...ENVIRONMENTS),
    flagStatus: fc.constantFrom("draft" as const, "running" as const),
  })
  .map((u) => ({ ...u, production: u.environment === "production" }));

describe("property: checkActions and checkResources", () => {
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
          // Every probe at once: consecutive resources share one actions list, every third has its own.
          const own = [...actions].reverse();
          const asks = probes.map(([resource], i) => ({ resource, actions: i % 3 === 2 ? own : actions }));
          for (const u of userIds(spec))
            expect(engine.checkResources(u, asks, NOW)).toEqual(
              asks.map((a) => a.actions.map((action) => engine.check(u, action, a.resource, NOW))),
            );
          // The same questions as indexes, odd ones first (so a resource's questions are not consecutive), one
          // resource asked nothing and one known action unasked.
          const resources = probes.map(([resource]) => resource);
          const all = [...actions, ACTIONS[ACTIONS.length - 1] as string];
          const pairs = asks.flatMap((a, r) =>
            r === 1 ? [] : a.actions.map((action) => [actions.indexOf(action), r]),
          );
          const reordered = [...pairs.filter((_, q) => q % 2 === 1), ...pairs.filter((_, q) => q % 2 === 0)];
          for (const u of userIds(spec))
            expect(engine.checkIndexed(u, all, resources, reordered.flat(), NOW)).toEqual(
              reordered.map(([a, r]) =>
                engine.check(
                  u,
                  all[a as number] as string,
                  resources[r as number] as (typeof resources)[number],
                  NOW,
                ),
              ),
            );
        },
      ),
      { ...RUNS, numRuns: 100 },
    );
    expect(allowed).toBeGreaterThan(0);
  });

  it("equals check on Feature audiences, whose rule reads the grants of each use", () => {
    let allowed = 0;
    fc.assert(
      fc.property(
        fc.constantFrom("project-owner", "publisher", "editor", "viewer"),
        fc.constantFrom("env-admin", "env-editor", "env-viewer"),
        fc.constantFrom("flag-admin", "flag-viewer", "flag-none"),
        fc.array(useArb, { maxLength: 3 }),
        fc.array(fc.constantFrom(...AUDIENCE_ASKS), { minLength: 1, maxLength: 8 }),
        (project, env, flag, usedBy, actions) => {
          const w = world().users("acme", "u");
          const p1 = path("acme", X, "e1", "p1");
          w.grant("u", `${X}:${project}`, p1);
          w.grant("u", `${X}:${env}`, path("acme", X, "e1", "p1", "development"));
          for (const e of ENVIRONMENTS)
            w.grant("u", `${X}:${flag}`, path("acme", X, "e1", "p1", e, "banner"));
          const audience = { ...p1, attrs: { platform: "feature" as const, usedBy } };
          const each = w.engine.checkActions("u", actions, audience, NOW);
          expect(each).toEqual(actions.map((a) => w.engine.check("u", a, audience, NOW)));
          allowed += each.filter((d) => d === "allow").length;
        },
      ),
      { ...RUNS, numRuns: 150 },
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
        expect(() => engine.checkResources("nobody-at-all", [{ resource, actions: [] }], NOW)).toThrow(
          UnknownSubject,
        );
        expect(() => engine.checkIndexed("nobody-at-all", [], [resource], [], NOW)).toThrow(UnknownSubject);
        const u = userIds(spec)[0];
        if (u !== undefined) {
          expect(() => engine.checkActions(u, ["no-product:no.action"], resource, NOW)).toThrow(
            UnknownAction,
          );
          // An unknown action is refused when a question asks it, as check refuses it; one never asked is not.
          const known = ACTIONS[0] as string;
          expect(() =>
            engine.checkIndexed(u, [known, "no-product:no.action"], [resource], [1, 0], NOW),
          ).toThrow(UnknownAction);
          expect(engine.checkIndexed(u, [known, "no-product:no.action"], [resource], [0, 0], NOW)).toEqual([
            engine.check(u, known, resource, NOW),
          ]);
        }
      }),
      { ...RUNS, numRuns: 20 },
    );
  });
});

// Property (issue 13): a flag role applies in every environment, so adding an environment (with the environment
// roles collaborators are given there) never changes a collaborator's rights on a flag it could not see, and a
// flag-none grant hides its flag in every environment, a new one included.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Engine, GrantInput, Resource } from "../../src/index.ts";
import { build, NOW, RUNS, subjectsOf, userIds, worldArb } from "../support/arbitraries.ts";
import { path } from "../support/scopes.ts";

const X = "experimentation";
const ENVS = ["production", "development"] as const;
const NEW = "staging";
const FEATURE_PROJECTS = [
  ["e1", "p1"],
  ["e1", "p2"],
  ["e2", "p1"],
] as const;
const ENV_ROLES = ["env-admin", "env-publisher", "env-editor", "env-viewer"].map((r) => `${X}:${r}`);
/** The actions decided by the flag's role: on its ruleset in one environment, or on the flag itself. */
const FLAG_ACTIONS = [
  "flag.toggle",
  "experiment.create",
  "experiment.start",
  "traffic.edit",
  "allowlist.add",
  "flag.view",
  "flag.edit",
  "variable.create",
  "flag.permissions.manage",
].map((a) => `${X}:${a}`);

const place = fc.record({
  org: fc.constantFrom("acme", "globex"),
  project: fc.constantFrom(...FEATURE_PROJECTS),
  flag: fc.constantFrom("f1", "f2"),
  production: fc.boolean(),
  flagStatus: fc.constantFrom("draft" as const, "running" as const, "paused" as const),
  rulesetPublished: fc.boolean(),
});
type Place = typeof place extends fc.Arbitrary<infer T> ? T : never;

const flagOf = (p: Place): Resource => ({
  ...path(p.org, X, p.project[0], p.project[1], undefined, p.flag),
  attrs: { platform: "feature", flagStatus: p.flagStatus },
});
/** The flag's ruleset in `environment`, with the same attributes in every environment (only the place differs). */
const rulesetOf = (p: Place, environment: string): Resource => ({
  ...path(p.org, X, p.project[0], p.project[1], environment, p.flag),
  attrs: {
    platform: "feature",
    production: p.production,
    flagStatus: p.flagStatus,
    rulesetPublished: p.rulesetPublished,
  },
});

/** The flag's actions `user` may do on `resource`. */
const rights = (engine: Engine, user: string, resource: Resource): ReadonlyArray<string> =>
  FLAG_ACTIONS.filter((a) => engine.check(user, a, resource, NOW) === "allow");

/** Environment roles given in the new environment to some of the world's users and groups. */
const newEnvironmentGrants = (subjects: ReadonlyArray<{ readonly id: string }>, p: Place) =>
  fc
    .array(fc.tuple(fc.constantFrom(...subjects), fc.constantFrom(...ENV_ROLES)), { maxLength: 4 })
    .map((pairs) =>
      pairs.map(
        ([s, role], i): GrantInput => ({
          id: `new-env-${i}`,
          subject: s.id,
          role,
          scope: path(p.org, X, p.project[0], p.project[1], NEW),
        }),
      ),
    );

const scenario = worldArb.chain((spec) =>
  place.chain((p) => fc.tuple(fc.constant(spec), fc.constant(p), newEnvironmentGrants(subjectsOf(spec), p))),
);

describe("property: adding an environment", () => {
  it("never changes a collaborator's rights on a flag it could not see", () => {
    let hidden = 0;
    fc.assert(
      fc.property(scenario, ([spec, p, added]) => {
        const before = build(spec);
        const after = build(spec, [...spec.grants, ...added]);
        for (const user of userIds(spec)) {
          if (before.check(user, `${X}:flag.view`, flagOf(p), NOW) === "allow") continue;
          hidden += 1;
          expect(after.check(user, `${X}:flag.view`, flagOf(p), NOW)).toBe("deny");
          const existing = new Set<string>();
          for (const environment of ENVS) {
            const was = rights(before, user, rulesetOf(p, environment));
            expect(rights(after, user, rulesetOf(p, environment))).toEqual(was);
            for (const a of was) existing.add(a);
          }
          // the new environment, before and after its roles were given, opens nothing the others did not
          const fresh = rights(after, user, rulesetOf(p, NEW));
          expect(fresh).toEqual(rights(before, user, rulesetOf(p, NEW)));
          expect(fresh.filter((a) => !existing.has(a))).toEqual([]);
        }
      }),
      { ...RUNS, numRuns: 200 },
    );
    expect(hidden).toBeGreaterThan(50);
  });

  it("a flag-none grant hides the flag in every environment, including a new one", () => {
    const collaborator = fc.record({
      projectRole: fc.constantFrom("publisher", "editor", "viewer").map((r) => `${X}:${r}`),
      envRoles: fc.array(fc.tuple(fc.constantFrom(...ENVS, NEW), fc.constantFrom(...ENV_ROLES)), {
        maxLength: 3,
      }),
    });
    fc.assert(
      fc.property(worldArb, place, collaborator, (spec, p, c) => {
        const at = path(p.org, X, p.project[0], p.project[1]);
        const grants: GrantInput[] = [
          { id: "h-project", subject: "hidden", role: c.projectRole, scope: at },
          { id: "h-flag", subject: "hidden", role: `${X}:flag-none`, scope: { ...at, flag: p.flag } },
          ...c.envRoles.map(
            ([environment, role], i): GrantInput => ({
              id: `h-env-${i}`,
              subject: "hidden",
              role,
              scope: { ...at, environment },
            }),
          ),
        ];
        const engine = build({ ...spec, users: [...spec.users, { id: "hidden", org: p.org }] }, [
          ...spec.grants,
          ...grants,
        ]);
        expect(rights(engine, "hidden", flagOf(p))).toEqual([]);
        for (const environment of [...ENVS, NEW])
          expect(rights(engine, "hidden", rulesetOf(p, environment))).toEqual([]);
      }),
      RUNS,
    );
  });
});

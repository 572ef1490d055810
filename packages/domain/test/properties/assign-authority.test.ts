// Property (e), delegation: whenever assign(actor, {role, scope}) allows, the actor holds an admin level in force
// covering the scope, and, for every valid assignment, assign agrees with the reference model of who may give what.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Assignment } from "../../src/index.ts";
import {
  ACTIONS,
  ADMIN_ROLES,
  build,
  holdersFor,
  inForce,
  NOW,
  ORGS,
  opt,
  PLACES,
  type Place,
  ROLE_PLACES,
  RUNS,
  SYSTEM_ROLES,
  userIds,
  type WorldSpec,
  worldArb,
} from "../support/arbitraries.ts";
import { modelMayGive } from "../support/delegation-model.ts";
import { covers } from "../support/scopes.ts";

/** `a` gives a flag or environment role that `actor` may manage there (flag / environment.permissions.manage). */
const managesEntity = (engine: ReturnType<typeof build>, actor: string, a: Assignment): boolean =>
  "role" in a &&
  (a.role.startsWith("experimentation:flag-")
    ? engine.allows(actor, "experimentation:flag.permissions.manage", a.scope, NOW)
    : a.role.startsWith("experimentation:env-") &&
      engine.allows(actor, "experimentation:environment.permissions.manage", a.scope, NOW));

const productOf = (a: Assignment): string => ("role" in a ? a.role : a.permission).split(":")[0] ?? "";

/** Roles the model lets be granted at each place. */
const rolesAt = new Map<Place, string[]>();
for (const [role, places] of ROLE_PLACES)
  for (const p of places) rolesAt.set(p, [...(rolesAt.get(p) ?? []), role]);

const what = (place: Place): fc.Arbitrary<{ readonly role: string } | { readonly permission: string }> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .constantFrom(...(rolesAt.get(place) ?? ["cms:content-editors"]))
        .map((role) => ({ role })),
    },
    { weight: 1, arbitrary: fc.constantFrom(...SYSTEM_ROLES.map((r) => r.id)).map((role) => ({ role })) },
    { weight: 1, arbitrary: fc.constantFrom(...ACTIONS).map((permission) => ({ permission })) },
    {
      weight: 2,
      arbitrary: fc
        .constantFrom(...ACTIONS.filter((id) => id.startsWith(`${place.scope.product ?? "admin-center"}:`)))
        .map((permission) => ({ permission })),
    },
  );

const assignmentArb = (spec: WorldSpec): fc.Arbitrary<Assignment> => {
  const near = (scopeOrg: string) => PLACES.filter((p) => p.scope.org === scopeOrg && p.level !== "org");
  const aimed =
    spec.grants.length === 0
      ? fc.constantFrom(...PLACES)
      : fc
          .constantFrom(...spec.grants)
          .chain((g) =>
            fc.constantFrom(...PLACES.filter((p) => covers(g.scope, p.scope)), ...near(g.scope.org)),
          );
  const place = fc.oneof(
    { weight: 3, arbitrary: aimed },
    { weight: 1, arbitrary: fc.constantFrom(...PLACES) },
  );
  return place.chain((p) =>
    fc
      .record({
        body: what(p),
        targetOrg: fc.oneof(
          { weight: 4, arbitrary: fc.constant(p.scope.org) },
          { weight: 1, arbitrary: fc.constantFrom(...ORGS) },
        ),
        target: opt(fc.constant({ platform: p.platform ?? "feature" })),
        seatsInUse: opt(fc.integer({ min: 0, max: 25 })),
        targetUser: opt(fc.constantFrom(...userIds(spec))),
      })
      .map(({ body, targetOrg, target, seatsInUse, targetUser }) => ({
        ...body,
        scope: p.scope,
        targetOrg,
        ...(target === undefined || p.platform === undefined ? {} : { target }),
        ...(seatsInUse === undefined ? {} : { seatsInUse }),
        ...(targetUser === undefined ? {} : { targetUser }),
      })),
  );
};

const scenario = worldArb.chain((spec) =>
  fc.tuple(fc.constant(spec), fc.array(assignmentArb(spec), { minLength: 1, maxLength: 6 })),
);

describe("property: delegation", () => {
  it("an allowed assignment is backed by a covering admin level of the right product, or by managing the flag or environment", () => {
    let allows = 0;
    fc.assert(
      fc.property(scenario, ([spec, assignments]) => {
        const loner = { id: "loner", org: "acme" };
        const engine = build({ ...spec, users: [...spec.users, loner] });
        for (const a of assignments) {
          // an actor with no grants is never allowed
          expect(engine.assign(loner.id, a, NOW).decision).not.toBe("allow");
          for (const actor of userIds(spec)) {
            if (engine.assign(actor, a, NOW).decision !== "allow") continue;
            allows += 1;
            const holders = holdersFor(spec, actor);
            const backing = spec.grants.filter(
              (g) =>
                holders.has(g.subject) &&
                inForce(g, NOW) &&
                "role" in g &&
                ADMIN_ROLES.includes(g.role) &&
                covers(g.scope, a.scope) &&
                (g.role === "admin-center:super-admin" ||
                  (productOf(a) !== "admin-center" && productOf(a) === g.scope.product)),
            );
            if (!managesEntity(engine, actor, a)) expect(backing.map((g) => g.id)).not.toEqual([]);
          }
        }
      }),
      RUNS,
    );
    expect(allows).toBeGreaterThan(0);
  });

  it("every valid assignment is allowed exactly when the actor could itself hold or delegate what it gives", () => {
    const seen = { allow: 0, deny: 0, permissions: 0 };
    fc.assert(
      fc.property(scenario, ([spec, assignments]) => {
        const engine = build(spec);
        for (const a of assignments)
          for (const actor of userIds(spec)) {
            const { decision, reason } = engine.assign(actor, a, NOW);
            if (decision === "invalid") continue;
            seen[decision] += 1;
            if ("permission" in a && decision === "allow") seen.permissions += 1;
            expect({ actor, a, allowed: decision === "allow", reason }).toEqual({
              actor,
              a,
              allowed: modelMayGive(spec, actor, a, NOW),
              reason,
            });
          }
      }),
      { ...RUNS, numRuns: 400 },
    );
    expect(seen.allow).toBeGreaterThan(50);
    expect(seen.deny).toBeGreaterThan(50);
    expect(seen.permissions).toBeGreaterThan(5);
  });
});

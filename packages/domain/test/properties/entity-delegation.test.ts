// Property: an environment or flag admin (a collaborator with a project role) gives its entity's roles at exactly
// that entity and nothing else: engine.assign agrees with the reference model for every role at every place.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Assignment } from "../../src/index.ts";
import { build, PLACES, RUNS, SYSTEM_ROLES, type WorldSpec } from "../support/arbitraries.ts";
import { modelMayGive } from "../support/delegation-model.ts";
import { NOW } from "../support/world.ts";

const X = "experimentation";
const BOSS = "entity-boss";
/** acme's Feature places of instance e1: projects, environments, flags and rulesets. */
const FEATURE = PLACES.filter(
  (p) => p.scope.org === "acme" && p.scope.instance === "e1" && p.platform === "feature",
);
const PROJECTS = FEATURE.filter((p) => p.level === "project");
const ENTITIES = FEATURE.filter((p) => (p.level === "environment" || p.level === "flag") && !p.ruleset);
const ROLES = SYSTEM_ROLES.filter((r) => r.product === X).map((r) => r.id);

/** BOSS alone in acme: a collaborator project role on one project and an entity admin role in it. */
const scenario = fc
  .record({
    project: fc.constantFrom(...PROJECTS),
    projectRole: fc.constantFrom("publisher", "editor", "viewer"),
    entity: fc.constantFrom(...ENTITIES),
    assignments: fc.array(
      fc.record({ role: fc.constantFrom(...ROLES), place: fc.constantFrom(...FEATURE) }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ project, projectRole, entity, assignments }) => {
    const at = { ...entity.scope, project: project.scope.project };
    const admin = at.flag === undefined ? "env-admin" : "flag-admin";
    const world: WorldSpec = {
      agencyProducts: undefined,
      users: [{ id: BOSS, org: "acme" }],
      groups: [],
      grants: [
        { id: "boss-project", subject: BOSS, scope: project.scope, role: `${X}:${projectRole}` },
        { id: "boss-entity", subject: BOSS, scope: at, role: `${X}:${admin}` },
      ],
    };
    const asked = assignments.map(
      ({ role, place }): Assignment => ({
        role,
        scope: place.scope,
        targetOrg: "acme",
        target: { platform: "feature" },
      }),
    );
    return { world, asked };
  });

describe("property: entity admins", () => {
  it("an environment or flag admin gives exactly what the reference model lets it give", () => {
    const seen = { allow: 0, deny: 0 };
    fc.assert(
      fc.property(scenario, ({ world, asked }) => {
        const engine = build(world);
        for (const a of asked) {
          const { decision, reason } = engine.assign(BOSS, a, NOW);
          if (decision === "invalid") continue;
          seen[decision] += 1;
          expect({ a, allowed: decision === "allow", reason }).toEqual({
            a,
            allowed: modelMayGive(world, BOSS, a, NOW),
            reason,
          });
        }
      }),
      { ...RUNS, numRuns: 300 },
    );
    expect(seen.allow).toBeGreaterThan(20);
    expect(seen.deny).toBeGreaterThan(100);
  });
});

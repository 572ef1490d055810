// Property: an audience role never exceeds the role over any of its uses, an unused audience has the project role,
// and adding a use never widens `audience.edit` / `audience.archive` (random project, environment and flag roles).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AudienceUse, audienceRoles, audienceRungOf, type Resource } from "../../src/index.ts";
import { RUNS } from "../support/arbitraries.ts";
import { path } from "../support/scopes.ts";
import { NOW, world } from "../support/world.ts";

const X = "experimentation";
const ENVIRONMENTS = ["production", "staging", "development"] as const;
const FLAGS = ["checkout", "banner", "search"] as const;
const PROJECT_ROLES = ["administrator", "project-owner", "publisher", "editor", "viewer"] as const;
const ENV_ROLES = ["env-admin", "env-publisher", "env-editor", "env-viewer"] as const;
const FLAG_ROLES = ["flag-admin", "flag-editor", "flag-viewer", "flag-none"] as const;
const ACTIONS = [`${X}:audience.edit`, `${X}:audience.archive`];

const useArb: fc.Arbitrary<AudienceUse> = fc
  .record({
    flag: fc.constantFrom(...FLAGS),
    environment: fc.constantFrom(...ENVIRONMENTS),
    flagStatus: fc.constantFrom("draft" as const, "running" as const, "paused" as const),
  })
  .map((u) => ({ ...u, production: u.environment === "production" }));

const scenarioArb = fc.record({
  project: fc.constantFrom(...PROJECT_ROLES),
  envRoles: fc.dictionary(fc.constantFrom(...ENVIRONMENTS), fc.constantFrom(...ENV_ROLES)),
  flagRoles: fc.dictionary(fc.constantFrom(...FLAGS), fc.constantFrom(...FLAG_ROLES)),
  uses: fc.array(useArb, { maxLength: 4 }),
  extra: useArb,
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

const p1 = path("acme", X, "e1", "p1");
const audience = (usedBy: ReadonlyArray<AudienceUse>): Resource => ({
  ...p1,
  attrs: { platform: "feature", usedBy },
});
const rank = (id: string): number => audienceRoles.findIndex((r) => r.id === id);

const build = (s: Scenario) => {
  const w = world().users("acme", "u");
  w.grant("u", `${X}:${s.project}`, s.project === "administrator" ? path("acme", X, "e1") : p1);
  for (const [e, role] of Object.entries(s.envRoles))
    w.grant("u", `${X}:${role}`, path("acme", X, "e1", "p1", e));
  // a flag role applies to the flag in every environment
  for (const [f, role] of Object.entries(s.flagRoles))
    for (const e of ENVIRONMENTS) w.grant("u", `${X}:${role}`, path("acme", X, "e1", "p1", e, f));
  return w.engine;
};

describe("property: audience roles", () => {
  it("never exceed the role over any use, and equal the lowest of them", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const engine = build(s);
        const all = rank(engine.audienceRole("u", audience(s.uses), NOW).role);
        const each = s.uses.map((u) => rank(engine.audienceRole("u", audience([u]), NOW).role));
        for (const r of each) expect(all).toBeGreaterThanOrEqual(r);
        expect(all).toBe(Math.max(rank(audienceRungOf.get(`${X}:${s.project}`) ?? "none"), ...each));
      }),
      RUNS,
    );
  });

  it("of an audience no flag uses equal the project role", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const answer = build(s).audienceRole("u", audience([]), NOW);
        expect(answer.decidedBy?.role).toBe(`${X}:${s.project}`);
        expect(answer.role).toBe(audienceRungOf.get(`${X}:${s.project}`));
        expect(answer.use).toBeUndefined();
      }),
      RUNS,
    );
  });

  it("never widen when a use is added", () => {
    let narrowed = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const engine = build(s);
        for (const action of ACTIONS) {
          const before = engine.check("u", action, audience(s.uses), NOW);
          const after = engine.check("u", action, audience([...s.uses, s.extra]), NOW);
          if (before === "deny") expect(after).toBe("deny");
          else if (after === "deny") narrowed += 1;
        }
      }),
      RUNS,
    );
    expect(narrowed).toBeGreaterThan(0);
  });
});

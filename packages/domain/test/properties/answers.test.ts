// Answers, not errors, as a property: in random well-formed worlds (custom roles of every product, some holding
// other products' actions; grants of any role at any scope, gaps included; random enabled products and partners),
// check, explain, assign and landing never throw; assign answers allow, deny or invalid with a reason, and what is
// invalid is invalid whoever asks; a deny is explained.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Assignment,
  Engine,
  type GrantInput,
  products,
  type Resource,
  type Scope,
} from "../../src/index.ts";
import { ACTIONS, ORGS, RUNS, SYSTEM_ROLES } from "../support/arbitraries.ts";
import { NOW } from "../support/world.ts";

const PRODUCTS = products.map((p) => p.id);
const CUSTOM = ["custom:a", "custom:b", "custom:c"];

const segment = <T extends string>(...values: ReadonlyArray<T>) =>
  fc.option(fc.constantFrom(...values), { nil: undefined, freq: 2 });

/** Any scope of the vocabulary: each key set or not independently, so gaps and mismatched products arise. */
const scopeArb: fc.Arbitrary<Scope> = fc
  .record({
    org: fc.constantFrom(...ORGS),
    product: segment(...PRODUCTS),
    instance: segment("i1", "i2"),
    project: segment("p1"),
    environment: segment("production", "development"),
    flag: segment("f1"),
  })
  .map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Scope);

const givesArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .constantFrom(...SYSTEM_ROLES.map((r) => r.id as string), ...CUSTOM)
      .map((role) => ({ role })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...ACTIONS).map((permission) => ({ permission })) },
);

const worldArb = fc.record({
  orgs: fc.tuple(
    ...ORGS.map((id) =>
      fc.record({
        id: fc.constant(id),
        kind: fc.constantFrom("customer" as const, "partner" as const),
        products: fc.option(fc.subarray(PRODUCTS), { nil: undefined }),
      }),
    ),
  ),
  customRoles: fc.tuple(
    ...CUSTOM.map((id) =>
      fc.record({
        id: fc.constant(id),
        product: fc.constantFrom(...PRODUCTS),
        permissions: fc.subarray([...ACTIONS], { maxLength: 4 }),
      }),
    ),
  ),
  subjectOrg: fc.constantFrom(...ORGS),
  grants: fc.array(fc.tuple(givesArb, scopeArb), { maxLength: 6 }),
});

const resourceArb: fc.Arbitrary<Resource> = fc
  .tuple(
    scopeArb,
    fc.record(
      {
        platform: fc.constantFrom("web" as const, "feature" as const),
        production: fc.boolean(),
        flagStatus: fc.constantFrom("draft" as const, "running" as const, "paused" as const),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([scope, attrs]) => ({ ...scope, attrs }));

const assignmentArb: fc.Arbitrary<Assignment> = fc
  .record({
    gives: givesArb,
    scope: scopeArb,
    targetOrg: fc.constantFrom(...ORGS),
    platform: fc.option(fc.constantFrom("web" as const, "feature" as const), { nil: undefined }),
    seatsInUse: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  })
  .map(
    ({ gives, scope, targetOrg, platform, seatsInUse }) =>
      ({
        ...gives,
        scope,
        targetOrg,
        ...(platform === undefined ? {} : { target: { platform } }),
        ...(seatsInUse === undefined ? {} : { seatsInUse }),
      }) as Assignment,
  );

type World = typeof worldArb extends fc.Arbitrary<infer W> ? W : never;

/** The world as a conformance case describes one: the same calls the runner makes. */
const build = (w: World): Engine => {
  const engine = new Engine();
  const snap = engine.snapshot;
  for (const o of w.orgs)
    snap.setOrg(o.id, { kind: o.kind, products: o.products === undefined ? undefined : new Set(o.products) });
  for (const role of w.customRoles) snap.admitCustomRole(role);
  snap.addUser("subject", w.subjectOrg);
  for (const o of ORGS) snap.addUser(`boss-${o}`, o);
  for (const o of ORGS)
    snap.addGrant({
      id: `boss-${o}`,
      subject: `boss-${o}`,
      role: "admin-center:super-admin",
      scope: { org: o },
    });
  w.grants.forEach(([gives, scope], i) => {
    snap.addGrant({ id: `g${i}`, subject: "subject", scope, ...gives } as GrantInput);
  });
  return engine;
};

describe("property: a well-formed question is answered, never an error", () => {
  it("assign answers allow, deny or invalid with a reason; invalid whoever asks", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(worldArb, fc.array(assignmentArb, { minLength: 1, maxLength: 4 }), (w, assignments) => {
        const engine = build(w);
        for (const a of assignments) {
          const answer = engine.assign("subject", a, NOW);
          expect(["allow", "deny", "invalid"]).toContain(answer.decision);
          expect(answer.reason.length).toBeGreaterThan(0);
          seen.add(answer.decision);
          const boss = engine.assign(`boss-${a.scope.org}`, a, NOW);
          seen.add(boss.decision);
          expect(boss.decision === "invalid").toBe(answer.decision === "invalid");
          if (answer.decision === "invalid") expect(boss.reason).toBe(answer.reason);
        }
      }),
      { ...RUNS, numRuns: 300 },
    );
    expect(seen).toEqual(new Set(["allow", "deny", "invalid"]));
  });

  it("check, explain and landing answer; a deny says why, and an impossible grant is named", () => {
    let aside = 0;
    fc.assert(
      fc.property(
        worldArb,
        fc.array(fc.tuple(fc.constantFrom(...ACTIONS), resourceArb), { minLength: 1, maxLength: 4 }),
        (w, questions) => {
          const engine = build(w);
          expect(engine.landing("subject", NOW)).toMatch(/^(products|projects|none|instances:.+|users:.+)$/);
          for (const [action, resource] of questions) {
            const decision = engine.check("subject", action, resource, NOW);
            const why = engine.explain("subject", action, resource, NOW);
            expect(why.decision).toBe(decision);
            expect(why.reason.length).toBeGreaterThan(0);
            for (const c of why.considered.filter((c) => c.status === "impossible")) {
              aside += 1;
              if (decision === "deny") expect(why.reason).toContain(`counts for nothing: ${c.note}`);
            }
          }
        },
      ),
      { ...RUNS, numRuns: 300 },
    );
    expect(aside).toBeGreaterThan(0);
  });
});

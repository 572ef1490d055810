// Test support for the property suites: small random worlds (three organizations with the same scope layout,
// users, groups, grants of catalog roles at valid levels, extra permissions) and probes aimed at those grants.
import fc from "fast-check";
import {
  Engine,
  type GrantInput,
  products,
  type Resource,
  type ResourceAttributes,
  type Scope,
  type ScopeLevel,
} from "../../src/index.ts";
import { covers, path } from "./scopes.ts";
import { FUTURE, NOW, PAST } from "./world.ts";

/** Fixed seed and bounded runs: the suite is deterministic and fast. */
export const RUNS = { seed: 42, numRuns: 150 } as const;

const catalog = new Engine().snapshot.catalog;

export const ORGS = ["acme", "globex", "agency"] as const;
const X = "experimentation";

/** Instances of each product, with, for Experimentation, projects and their platform. */
const layout: ReadonlyArray<{
  readonly product: string;
  readonly instances: ReadonlyArray<string>;
  readonly projects?: ReadonlyArray<
    readonly [instance: string, project: string, platform: "web" | "feature"]
  >;
}> = [
  {
    product: X,
    instances: ["e1", "e2"],
    projects: [
      ["e1", "p1", "feature"],
      ["e1", "p2", "feature"],
      ["e1", "w1", "web"],
      ["e2", "p1", "feature"],
    ],
  },
  { product: "mission-control", instances: ["sandbox", "production"] },
  { product: "odp", instances: ["o1", "o2"] },
  { product: "pim", instances: ["i1"] },
  { product: "collaboration", instances: ["c1"] },
  { product: "content-recommendations", instances: ["r1"] },
  { product: "product-recommendations", instances: ["r1"] },
  { product: "cmp", instances: ["m1"] },
  { product: "cms", instances: ["s1", "s2"] },
  { product: "configured-commerce", instances: ["cc1"] },
];
const ENVS = ["production", "development"] as const;
const FLAGS = ["f1", "f2"] as const;

export interface Place {
  readonly scope: Scope;
  readonly level: ScopeLevel;
  /** Set on Experimentation project scopes and below. */
  readonly platform?: "web" | "feature";
  /** A flag in one environment (`{…environment, flag}`): a place to ask about, where no flag role is granted. */
  readonly ruleset?: true;
}

const placesOf = (org: string): ReadonlyArray<Place> => {
  const out: Place[] = [{ scope: path(org), level: "org" }];
  for (const { product, instances, projects } of layout) {
    out.push({ scope: path(org, product), level: "product" });
    for (const i of instances) out.push({ scope: path(org, product, i), level: "instance" });
    for (const [i, p, platform] of projects ?? []) {
      out.push({ scope: path(org, product, i, p), level: "project", platform });
      if (platform === "web") continue;
      for (const f of FLAGS)
        out.push({ scope: path(org, product, i, p, undefined, f), level: "flag", platform });
      for (const env of ENVS) {
        out.push({ scope: path(org, product, i, p, env), level: "environment", platform });
        for (const f of FLAGS)
          out.push({ scope: path(org, product, i, p, env, f), level: "flag", platform, ruleset: true });
      }
    }
  }
  return out;
};

/** Every scope of the layout in every organization. */
export const PLACES: ReadonlyArray<Place> = ORGS.flatMap(placesOf);

/** System roles of the catalog (single-permission roles are not listed there). */
export const SYSTEM_ROLES = [...catalog.roles.values()].filter((r) => r.system);
export const ACTIONS: ReadonlyArray<string> = [...catalog.actions.keys()];
const actionsOfProduct = new Map<string, ReadonlyArray<string>>();
for (const [id, ref] of catalog.actions)
  actionsOfProduct.set(ref.product, [...(actionsOfProduct.get(ref.product) ?? []), id]);
const productActions = (product: string): ReadonlyArray<string> => actionsOfProduct.get(product) ?? [];

/** The actions each system role lists in the catalog (used to aim probes where a grant matters). */
const ROLE_ACTIONS = new Map<string, ReadonlyArray<string>>(
  products.flatMap((p) => p.roles.map((r) => [r.id, r.permissions.map((x) => x.action)] as const)),
);

const restricted = new Set([`${X}:restricted-publisher`, `${X}:restricted-editor`]);

/** The places where the model lets a role be granted (spec sections 3 and 6). */
const validPlaces = (role: (typeof SYSTEM_ROLES)[number]): ReadonlyArray<Place> =>
  PLACES.filter((p) => {
    if (role.product !== "admin-center" && p.scope.product !== role.product) return false;
    if (role.id === "admin-center:project-owner" && p.scope.product !== X) return false;
    if (role.levels !== undefined) {
      if (!role.levels.includes(p.level) || p.ruleset) return false;
    } else if (role.product !== "admin-center" && p.level === "org") return false;
    return !(restricted.has(role.id) && p.platform === "feature");
  });

export const ROLE_PLACES = SYSTEM_ROLES.map((r) => [r.id, validPlaces(r)] as const).filter(
  ([, ps]) => ps.length > 0,
);
/** Roles that are, or imply, an Admin Center admin level (spec section 5). */
export const ADMIN_ROLES = [
  "admin-center:super-admin",
  "admin-center:product-admin",
  "admin-center:instance-admin",
  "admin-center:project-owner",
  `${X}:administrator`,
  `${X}:project-owner`,
];

export interface WorldSpec {
  readonly agencyProducts: ReadonlyArray<string> | undefined;
  readonly users: ReadonlyArray<{ readonly id: string; readonly org: string }>;
  readonly groups: ReadonlyArray<{
    readonly id: string;
    readonly org: string;
    readonly members: ReadonlyArray<string>;
  }>;
  readonly grants: ReadonlyArray<GrantInput>;
}

const expiry = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant(PAST) },
  { weight: 1, arbitrary: fc.constant(FUTURE) },
);

/** A role (weighted towards admin levels so delegation is exercised) at one of its valid places. */
const roleAtPlace = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ROLE_PLACES) },
  { weight: 1, arbitrary: fc.constantFrom(...ROLE_PLACES.filter(([id]) => ADMIN_ROLES.includes(id))) },
);
const permissionAtPlace = fc.oneof(
  fc
    .constant(`${X}:flags_multiple_experiments`)
    .chain((p) =>
      fc.constantFrom(...PLACES.filter((pl) => pl.scope.product === X)).map((pl) => [p, pl] as const),
    ),
  fc.constantFrom(...ACTIONS).chain((a) => {
    const product = catalog.action(a).product;
    const places = PLACES.filter((pl) => pl.scope.product === product || product === "admin-center");
    return fc.constantFrom(...places).map((pl) => [a, pl] as const);
  }),
);

type Grantable = { readonly role: string } | { readonly permission: string };
const grantBody: fc.Arbitrary<readonly [Grantable, Scope]> = fc.oneof(
  {
    weight: 5,
    arbitrary: roleAtPlace.chain(([id, ps]) =>
      fc.constantFrom(...ps).map((p) => [{ role: id }, p.scope] as const),
    ),
  },
  { weight: 1, arbitrary: permissionAtPlace.map(([a, p]) => [{ permission: a }, p.scope] as const) },
);

/** A random grant: a role or a permission at a valid scope, mostly in the holder's home organization. */
export const grantArb = (
  subjects: ReadonlyArray<{ readonly id: string; readonly org: string }>,
  id: string,
): fc.Arbitrary<GrantInput> =>
  fc
    .tuple(fc.constantFrom(...subjects), grantBody, expiry, fc.integer({ min: 0, max: 9 }))
    .map(([subject, [what, scope], expiresAt, dice]) => ({
      id,
      subject: subject.id,
      scope: dice < 7 ? { ...scope, org: subject.org } : scope,
      ...what,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    }));

const FEATURE_PROJECTS = PLACES.filter((p) => p.level === "project" && p.platform === "feature");
const PROJECT_ROLES = ["administrator", "project-owner", "publisher", "editor", "viewer"].map(
  (r) => `${X}:${r}`,
);
const ENV_ROLES = ["env-admin", "env-publisher", "env-editor", "env-viewer"].map((r) => `${X}:${r}`);
const FLAG_ROLES = ["flag-admin", "flag-editor", "flag-viewer", "flag-none"].map((r) => `${X}:${r}`);

/**
 * A Feature collaborator as the product sets one up: a project role plus an explicit environment or flag
 * role in the same project, sometimes with flags_multiple_experiments.
 */
const collaboratorArb = (
  subjects: ReadonlyArray<{ readonly id: string; readonly org: string }>,
  n: number,
): fc.Arbitrary<ReadonlyArray<GrantInput>> =>
  fc
    .record({
      subject: fc.constantFrom(...subjects),
      project: fc.constantFrom(...FEATURE_PROJECTS),
      projectRole: fc.constantFrom(...PROJECT_ROLES),
      env: fc.constantFrom(...ENVS),
      flag: fc.option(fc.constantFrom(...FLAGS), { nil: undefined }),
      envRole: fc.constantFrom(...ENV_ROLES),
      flagRole: fc.constantFrom(...FLAG_ROLES),
      multi: fc.boolean(),
    })
    .map(({ subject, project, projectRole, env, flag, envRole, flagRole, multi }) => {
      const at = { ...project.scope, org: subject.org };
      const entityScope = flag === undefined ? { ...at, environment: env } : { ...at, flag };
      // administrator is instance-wide: it cannot be given for one project
      const { project: _project, ...instance } = at;
      const roleScope = projectRole === `${X}:administrator` ? instance : at;
      const out: GrantInput[] = [
        { id: `c${n}p`, subject: subject.id, scope: roleScope, role: projectRole },
        {
          id: `c${n}e`,
          subject: subject.id,
          scope: entityScope,
          role: flag === undefined ? envRole : flagRole,
        },
      ];
      if (multi)
        out.push({
          id: `c${n}m`,
          subject: subject.id,
          scope: at,
          permission: `${X}:flags_multiple_experiments`,
        });
      return out;
    });

export const worldArb: fc.Arbitrary<WorldSpec> = fc
  .record({
    agencyProducts: fc.constantFrom<ReadonlyArray<string> | undefined>(
      undefined,
      undefined,
      [],
      ["mission-control"],
      ["cms", "odp", "experimentation"],
    ),
    userOrgs: fc.array(fc.constantFrom(...ORGS), { minLength: 1, maxLength: 4 }),
    groupOrgs: fc.array(fc.constantFrom(...ORGS), { maxLength: 2 }),
  })
  .chain(({ agencyProducts, userOrgs, groupOrgs }) => {
    const users = userOrgs.map((org, i) => ({ id: `u${i + 1}`, org }));
    const subjects = [...users, ...groupOrgs.map((org, i) => ({ id: `grp${i + 1}`, org }))];
    return fc.record({
      agencyProducts: fc.constant(agencyProducts),
      users: fc.constant(users),
      groups: fc.tuple(
        ...groupOrgs.map((org, i) =>
          fc.subarray(users.map((u) => u.id)).map((members) => ({ id: `grp${i + 1}`, org, members })),
        ),
      ),
      grants: fc
        .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 2 }))
        .chain(([n, c]) =>
          fc.tuple(
            fc.tuple(...Array.from({ length: n }, (_, i) => grantArb(subjects, `g${i + 1}`))),
            fc.tuple(...Array.from({ length: c }, (_, i) => collaboratorArb(subjects, i + 1))),
          ),
        )
        .map(([single, bundles]) => [...single, ...bundles.flat()]),
    });
  });

/** Builds a fresh engine holding exactly the world's organizations, subjects and grants. */
export const build = (spec: WorldSpec, grants: ReadonlyArray<GrantInput> = spec.grants): Engine => {
  const engine = new Engine();
  const snap = engine.snapshot;
  snap.setOrg("agency", {
    kind: "partner",
    products: spec.agencyProducts === undefined ? undefined : new Set(spec.agencyProducts),
  });
  for (const u of spec.users) snap.addUser(u.id, u.org);
  for (const g of spec.groups) {
    snap.addGroup(g.id, g.org);
    for (const m of g.members) snap.addMember(g.id, m);
  }
  for (const g of grants) snap.addGrant(g);
  return engine;
};

export const opt = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: arb });

/** Attributes for a resource at `place`: consistent with its path most of the time, sometimes missing. */
const attrsArb = (place: Place): fc.Arbitrary<ResourceAttributes> =>
  fc
    .record({
      platform:
        place.platform === undefined
          ? opt(fc.constantFrom("web" as const, "feature" as const))
          : opt(fc.constant(place.platform)),
      production:
        place.scope.environment !== undefined
          ? opt(fc.constant(place.scope.environment === "production"))
          : place.scope.product === "mission-control" && place.scope.instance !== undefined
            ? opt(fc.constant(place.scope.instance === "production"))
            : opt(fc.boolean()),
      flagStatus: opt(fc.constantFrom("draft" as const, "running" as const, "paused" as const)),
      rulesetPublished: opt(fc.boolean()),
      flagHasExperiment: opt(fc.boolean()),
      changeKind: opt(
        fc.constantFrom("visual-editor" as const, "code-editor" as const, "extension" as const),
      ),
      assignedToSubject: opt(fc.boolean()),
      sharedWithSubject: opt(fc.boolean()),
    })
    .map(
      (r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as ResourceAttributes,
    );

/** Resources: any scope of the layout at product level or below (plus one unknown organization), with attributes. */
const resourceArb: fc.Arbitrary<Resource> = fc
  .constantFrom(...PLACES.filter((p) => p.level !== "org"), {
    scope: path("nowhere", "cms", "s1"),
    level: "instance" as const,
  })
  .chain((place) => attrsArb(place).map((attrs) => ({ ...place.scope, attrs })));

/** Actions whose decision has conditions, conjunctions or granular layers: drawn more often. */
const INTERESTING = [
  `${X}:experiment.create`,
  `${X}:experiment.start`,
  `${X}:flag.toggle`,
  `${X}:flag.create`,
  `${X}:flag.view`,
  `${X}:flag.edit`,
  `${X}:audience.edit`,
  `${X}:audience.create`,
  `${X}:environment.permissions.manage`,
  "pim:product.approve",
  "odp:field.mark-pii",
  "collaboration:hypothesis.view",
  "cmp:campaign.view",
  "admin-center:custom-role.create",
  "admin-center:user.invite",
];

/** Actions, mostly of the resource's product (its conditioned ones more often), sometimes any action at all. */
const actionFor = (resource: Resource): fc.Arbitrary<string> => {
  const own = productActions(resource.product ?? "admin-center");
  const interesting = INTERESTING.filter((a) => own.includes(a));
  const choices: Array<fc.WeightedArbitrary<string>> = [
    { weight: 4, arbitrary: fc.constantFrom(...own) },
    { weight: 1, arbitrary: fc.constantFrom(...productActions("admin-center")) },
    { weight: 1, arbitrary: fc.constantFrom(...ACTIONS) },
  ];
  if (interesting.length > 0) choices.push({ weight: 3, arbitrary: fc.constantFrom(...interesting) });
  return fc.oneof(...choices);
};

/** A resource at `place` or below it in the layout, with attributes. */
const resourceUnder = (scope: Scope): fc.Arbitrary<Resource> => {
  const below = PLACES.filter((p) => p.level !== "org" && covers(scope, p.scope));
  const places =
    below.length > 0 ? below : PLACES.filter((p) => p.scope.org === scope.org && p.level !== "org");
  return fc
    .constantFrom(...places)
    .chain((place) => attrsArb(place).map((attrs) => ({ ...place.scope, attrs })));
};

/**
 * Probes for a world: mostly a resource inside some grant's scope (where decisions are interesting),
 * sometimes any resource of the layout; each with an action drawn by `actionFor`.
 */
export const probesFor = (
  spec: WorldSpec,
  maxLength: number,
): fc.Arbitrary<ReadonlyArray<readonly [Resource, string]>> => {
  const aimed = (g: GrantInput): fc.Arbitrary<readonly [Resource, string]> =>
    resourceUnder(g.scope).chain((r) => {
      const held = "role" in g ? (ROLE_ACTIONS.get(g.role) ?? []) : [g.permission];
      const own = held.filter(
        (a) => productActions(r.product ?? "admin-center").includes(a) || a.startsWith("admin-center:"),
      );
      const action =
        own.length === 0
          ? actionFor(r)
          : fc.oneof(
              { weight: 2, arbitrary: fc.constantFrom(...own) },
              { weight: 3, arbitrary: actionFor(r) },
            );
      return action.map((a) => [r, a] as const);
    });
  const anywhere = resourceArb.chain((r) => actionFor(r).map((a) => [r, a] as const));
  const probe =
    spec.grants.length === 0
      ? anywhere
      : fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...spec.grants).chain(aimed) },
          { weight: 1, arbitrary: anywhere },
        );
  return fc.array(probe, { minLength: 1, maxLength });
};

/** A world together with probes drawn for it. */
export const worldWithProbes = (maxProbes: number) =>
  worldArb.chain((spec) => probesFor(spec, maxProbes).map((probes) => [spec, probes] as const));

export const userIds = (spec: WorldSpec): ReadonlyArray<string> => spec.users.map((u) => u.id);

/** Users and groups of a world, with their home organizations. */
export const subjectsOf = (spec: WorldSpec): ReadonlyArray<{ readonly id: string; readonly org: string }> => [
  ...spec.users,
  ...spec.groups,
];

/**
 * The user and every group of its own organization it belongs to: the holders whose grants reach it (a group's
 * grants never count for a member of another organization).
 */
export const holdersFor = (spec: WorldSpec, user: string): ReadonlySet<string> => {
  const org = spec.users.find((u) => u.id === user)?.org;
  const groups = spec.groups.filter((g) => g.org === org && g.members.includes(user));
  return new Set([user, ...groups.map((g) => g.id)]);
};

/** A grant counts at `now` unless its expiry has passed. */
export const inForce = (g: GrantInput, now: number): boolean =>
  g.expiresAt === undefined || g.expiresAt > now;

/** Entity roles (env-*, flag-*) are the only roles allowed to replace a default inside their own scope. */
export const isEntityRole = (g: GrantInput): boolean =>
  "role" in g && /^experimentation:(env|flag)-/.test(g.role);

export { NOW };

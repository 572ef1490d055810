// The same fixture as CASL abilities: one `createMongoAbility` per user, one rule per grant and platform,
// its actions taken from the engine's compiled roles and its conditions the grant's scope (prefix semantics).
import { createMongoAbility, type MongoAbility, type RawRuleOf, subject } from "@casl/ability";
import type { Engine } from "@gatehouse/domain";
import type { Fixture, FixtureGrant } from "./fixture.ts";
import type { Query } from "./queries.ts";

type Catalog = Engine["snapshot"]["catalog"];
type RoleEntry = ReturnType<Catalog["role"]>;
type ActionEntry = Catalog["entries"][number];
type Rule = RawRuleOf<MongoAbility>;

/** A role's actions: those it holds on every platform, and those it holds on Web or Feature only. */
interface RoleActions {
  readonly any: string[];
  readonly web: string[];
  readonly feature: string[];
}

const holds = (role: RoleEntry, e: ActionEntry): boolean =>
  ((role.bits[e.bit >>> 5] as number) & (1 << (e.bit & 31))) !== 0;

const actionsOf = (catalog: Catalog, role: RoleEntry): RoleActions => {
  const any = new Set<string>();
  const web: string[] = [];
  const feature: string[] = [];
  for (const e of catalog.entries) {
    if (!holds(role, e)) continue;
    if (catalog.variants(catalog.action(e.id)).every((v) => holds(role, v))) any.add(e.id);
    else if (e.platform === "web") web.push(e.id);
    else feature.push(e.id);
  }
  return { any: [...any], web, feature };
};

const rulesOf = (catalog: Catalog, roles: Map<RoleEntry, RoleActions>, g: FixtureGrant, out: Rule[]) => {
  const role = "role" in g ? catalog.role(g.role) : catalog.single(g.permission);
  let actions = roles.get(role);
  if (actions === undefined) {
    actions = actionsOf(catalog, role);
    roles.set(role, actions);
  }
  if (actions.any.length > 0) out.push({ action: actions.any, subject: "Resource", conditions: g.scope });
  for (const platform of ["web", "feature"] as const)
    if (actions[platform].length > 0)
      out.push({ action: actions[platform], subject: "Resource", conditions: { ...g.scope, platform } });
};

/** Each user's raw rules, keyed by user id: prepared untimed, as a store would hand them over. */
export const caslInput = (fx: Fixture, catalog: Catalog): Map<string, Rule[]> => {
  const roles = new Map<RoleEntry, RoleActions>();
  const out = new Map<string, Rule[]>();
  for (let u = 0; u < fx.users.length; u++) {
    const rules: Rule[] = [];
    for (let i = fx.grantStart[u] as number; i < (fx.grantStart[u + 1] as number); i++)
      rulesOf(catalog, roles, fx.grants[i] as FixtureGrant, rules);
    out.set(fx.users[u] as string, rules);
  }
  return out;
};

/** One ability per user, keyed by user id: the timed build. */
export const buildCasl = (input: Map<string, Rule[]>): Map<string, MongoAbility> => {
  const abilities = new Map<string, MongoAbility>();
  for (const [user, rules] of input) abilities.set(user, createMongoAbility(rules));
  return abilities;
};

/** A query's resource flattened (scope keys and attributes side by side) and tagged as a "Resource". */
const caslResource = (q: Query) => {
  const { attrs, ...scope } = q.resource;
  return subject("Resource", { ...scope, ...attrs });
};
type CaslResource = ReturnType<typeof caslResource>;

export const caslResources = (queries: ReadonlyArray<Query>): ReadonlyArray<CaslResource> =>
  queries.map(caslResource);

/** One check of query `i`, as the measurement loops call it. */
export const caslCheck =
  (
    abilities: Map<string, MongoAbility>,
    queries: ReadonlyArray<Query>,
    resources: ReadonlyArray<CaslResource>,
  ) =>
  (i: number): boolean => {
    const q = queries[i] as Query;
    return abilities.get(q.user)?.can(q.action, resources[i] as CaslResource) === true;
  };

/** Feature project actions also open to editors of one environment (spec: granular roles). */
const OPEN_TO_ENVIRONMENT_EDITORS = new Set([
  "experimentation:flag.create",
  "experimentation:audience.create",
]);

/**
 * Whether the query's action is one CASL's rules above express exactly: no granular layer, no condition
 * on the action or on any role's grant of it, no conjunction of roles.
 */
export const plainQuery = (catalog: Catalog): ((q: Query) => boolean) => {
  const conditioned = new Set<number>();
  for (const role of catalog.roleList) for (const bit of role?.conditions.keys() ?? []) conditioned.add(bit);
  return (q) => {
    const ref = catalog.action(q.action);
    const platform = q.resource.attrs?.platform;
    const entry = ref.plain ?? (platform === "web" ? ref.web : ref.feature);
    if (entry === undefined) return false;
    if (entry.layer !== undefined && (entry.layer !== "project" || OPEN_TO_ENVIRONMENT_EDITORS.has(entry.id)))
      return false;
    return entry.condition === undefined && entry.conjunctions.length === 0 && !conditioned.has(entry.bit);
  };
};

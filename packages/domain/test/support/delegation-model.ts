// Test support: a reference model of "who may give what" (docs/decisions.md#delegation), written from the
// catalog's definitions and a world's grants, not from the engine, so the property suite can judge engine.assign.
import { type Assignment, products } from "../../src/index.ts";
import { holdersFor, inForce, type WorldSpec } from "./arbitraries.ts";
import { covers } from "./scopes.ts";

const A = "admin-center";
const X = "experimentation";
const roleDefs = new Map(products.flatMap((p) => p.roles.map((r) => [r.id as string, r] as const)));

/** `action@platform` for every platform variant of an action ("plain" for products without platforms). */
const variantsOf = new Map<string, string[]>();
for (const p of products)
  for (const a of p.actions)
    variantsOf.set(a.id, [...(variantsOf.get(a.id) ?? []), `${a.id}@${a.platform ?? "plain"}`]);

/** The action variants a role holds, with those of the roles it implies. */
const heldBy = (role: string): ReadonlySet<string> => {
  const def = roleDefs.get(role);
  const out = new Set<string>();
  for (const p of def?.permissions ?? [])
    for (const v of variantsOf.get(p.action) ?? [])
      if (p.platform === undefined || v.endsWith(`@${p.platform}`)) out.add(v);
  for (const implied of def?.implies ?? []) for (const v of heldBy(implied)) out.add(v);
  return out;
};

/** Roles that are, or imply, an admin level: which level each counts as. */
const COUNTS_AS: Record<string, ReadonlyArray<string>> = {
  [`${A}:super-admin`]: ["super"],
  [`${A}:product-admin`]: ["product"],
  [`${A}:instance-admin`]: ["instance"],
  [`${A}:project-owner`]: ["owner"],
  [`${X}:administrator`]: ["instance", "administrator"],
  [`${X}:project-owner`]: ["owner"],
};
const IMPLIES_ADMIN = new Set([`${X}:administrator`, `${X}:project-owner`]);
const OWNER_ROLES = (role: string): boolean =>
  role === `${X}:editor` || role === `${X}:viewer` || /^experimentation:(env|flag)-/.test(role);

type Given = { readonly role: string } | { readonly permission: string };
const productOf = (g: Given): string => ("role" in g ? g.role : g.permission).split(":")[0] ?? "";

/** Every variant of `permission` is held by one of `roles` or is among `extra`. */
const covered = (permission: string, roles: ReadonlyArray<string>, extra: ReadonlySet<string> = new Set()) =>
  (variantsOf.get(permission) ?? []).every((v) => extra.has(v) || roles.some((r) => heldBy(r).has(v)));

const FEATURE_PROJECT_ROLES = ["administrator", "project-owner", "publisher", "editor", "viewer"].map(
  (r) => `${X}:${r}`,
);

/** Entity roles, the scope holding them, the role managing them there and the action that role holds for it. */
const ENTITIES = [
  {
    roles: /^experimentation:flag-/,
    key: "flag",
    admin: `${X}:flag-admin`,
    action: `${X}:flag.permissions.manage`,
  },
  {
    roles: /^experimentation:env-/,
    key: "environment",
    admin: `${X}:env-admin`,
    action: `${X}:environment.permissions.manage`,
  },
] as const;

/**
 * The actor manages the entity (flag or environment) whose role `a` gives at exactly that entity's scope: it holds
 * the entity's admin role there with a Feature project role over it, or the managing action as a single permission.
 */
const managesEntity = (over: WorldSpec["grants"], a: Assignment): boolean => {
  if (!("role" in a)) return false;
  const entity = ENTITIES.find((e) => e.roles.test(a.role));
  const other = entity?.key === "flag" ? "environment" : "flag";
  if (entity === undefined || a.scope[entity.key] === undefined || a.scope[other] !== undefined) return false;
  const at = (g: WorldSpec["grants"][number]) => g.scope[entity.key] === a.scope[entity.key];
  return (
    over.some((g) => "permission" in g && g.permission === entity.action) ||
    (over.some((g) => "role" in g && g.role === entity.admin && at(g)) &&
      over.some((g) => "role" in g && FEATURE_PROJECT_ROLES.includes(g.role)))
  );
};

/**
 * Whether the model lets `actor` give `a` (assumed valid): through the admin levels its home-organization grants
 * in force (its own and its own organization's groups') hold over the scope, by the table in docs/decisions.md#delegation.
 */
export const modelMayGive = (spec: WorldSpec, actor: string, a: Assignment, now: number): boolean => {
  const home = spec.users.find((u) => u.id === actor)?.org;
  if (home === undefined || a.scope.org !== home) return false;
  const holders = holdersFor(spec, actor);
  const over = spec.grants.filter(
    (g) => holders.has(g.subject) && inForce(g, now) && g.scope.org === home && covers(g.scope, a.scope),
  );
  const levels = (product: string | undefined) =>
    new Set(
      over
        .filter((g) => "role" in g && (product === undefined || g.scope.product === product))
        .flatMap((g) => ("role" in g ? (COUNTS_AS[g.role] ?? []) : [])),
    );
  if (levels(undefined).has("super")) return true;
  const product = productOf(a);
  if (product === A) return false;
  const held = levels(product);
  if (held.has("product") || held.has("administrator")) return true;
  const catalogRoles = [...roleDefs.keys()].filter((r) => r.startsWith(`${product}:`));
  if (held.has("instance")) {
    const mayGive = (r: string) => !IMPLIES_ADMIN.has(r);
    if ("role" in a ? mayGive(a.role) : covered(a.permission, catalogRoles.filter(mayGive))) return true;
  }
  // a flag or environment admin manages its entity's permissions: it gives the entity's roles at its scope
  if (managesEntity(over, a)) return true;
  if (held.has("owner")) {
    if ("role" in a) return OWNER_ROLES(a.role);
    const own = new Set(
      over.flatMap((g) => ("role" in g ? [...heldBy(g.role)] : (variantsOf.get(g.permission) ?? []))),
    );
    return covered(a.permission, catalogRoles.filter(OWNER_ROLES), own);
  }
  return false;
};

// Grants no actor could make whatever the settings (spec section 6): a scope the role cannot sit at, a role that
// cannot exist, a reach across organizations. `assign` answers them `invalid`; a grant of one counts for nothing.
import type { ProductDef, ScopeLevel } from "../catalog/types.ts";
import type { Resource } from "../model/resource.ts";
import { type Scope, scopeDepth, scopeKeys } from "../model/scope.ts";
import type { Subject } from "./grant-entry.ts";
import { PRODUCT_DEPTH } from "./resource-path.ts";
import type { RoleEntry } from "./role-entry.ts";
import type { SetAsideGrant, Snapshot } from "./snapshot.ts";

export const SCOPE_GAP = "the scope sets a key below a missing one";

/** The products' labels, for messages ("Mission Control", "A and B"). */
export const productLabels = (snap: Snapshot, ids: Iterable<string>): string =>
  [...ids].map((id) => (snap.catalog.products.get(id) as ProductDef).label).join(" and ");

/** The product a role of which a user of `holderOrg` may hold in another organization, or undefined. */
export const partnerProductOf = (
  snap: Snapshot,
  role: RoleEntry,
  holderOrg: string,
): ProductDef | undefined =>
  snap.org(holderOrg).kind === "partner"
    ? snap.catalog.partnerProducts.find((p) => p.id === role.product)
    : undefined;

/**
 * Why nobody could give `role` at `scope` to a user or group of `holderOrg`, or undefined when someone could (as far
 * as these fixed facts tell: enabled products, seats and the grantee's other roles are `assign`'s to judge).
 */
export const impossibleGrant = (
  snap: Snapshot,
  role: RoleEntry,
  scope: Scope,
  holderOrg: string,
): string | undefined => {
  const catalog = snap.catalog;
  const depth = scopeDepth(scope);
  if (depth < 0) return SCOPE_GAP;
  const unmade = snap.unmadeRole(role.id);
  if (unmade !== undefined) return unmade;
  const level = scopeKeys[depth] as ScopeLevel;
  const spansProducts = catalog.spansProducts(role.product);
  if (!spansProducts && scope.product !== role.product)
    return `${role.single ? "permissions" : "roles"} of ${productLabels(snap, [role.product])} cannot be granted at ${
      scope.product === undefined
        ? "the scope of the whole organization"
        : `a scope of ${catalog.products.get(scope.product)?.label ?? scope.product}`
    }`;
  const owned = catalog.adminLevels.ownerGives;
  if (role.index === catalog.adminLevels.projectOwner && !owned.has(scope.product ?? ""))
    return `the Admin Center project owner exists only for ${productLabels(snap, owned.keys()) || "no product's"} projects`;
  if (role.levels !== undefined && !role.levels.includes(level))
    return `${role.id} is granted at ${role.levels.join(" or ")} level, not at ${level} level`;
  if (role.levels?.includes("flag") === true && scope.environment !== undefined)
    return `${role.id} is granted at its flag, once for every environment ({…project, flag}), not in one environment`;
  if (role.levels === undefined && !role.single && !spansProducts && depth < PRODUCT_DEPTH)
    return `${role.id} needs a scope of its product`;
  if (holderOrg !== scope.org && partnerProductOf(snap, role, holderOrg) === undefined)
    return `only ${productLabels(
      snap,
      catalog.partnerProducts.map((p) => p.id),
    )} roles reach across organizations, and only for partner users`;
  return undefined;
};

/** Why no resource could sit at a path that sets a key below a missing one. */
export const NOWHERE = "the resource sets a key below a missing one: no such place exists";

/** Why no resource could sit where `resource` says (a key below a missing one), or undefined. */
export const impossibleResource = (resource: Resource): string | undefined =>
  scopeDepth(resource) < 0 ? NOWHERE : undefined;

/** The grants held aside (see `Snapshot.addGrant`) that `subject` holds itself or through its groups. */
export const heldAside = (snap: Snapshot, subject: Subject): ReadonlyArray<SetAsideGrant> => {
  const out: SetAsideGrant[] = [];
  if (snap.setAside.size === 0) return out;
  for (const aside of snap.setAside.values())
    if (aside.subject === subject || subject.groups.includes(aside.subject)) out.push(aside);
  return out;
};

// May an actor give a role (or one extra permission) at a scope to a user of some organization?
// First the assignment must be valid for anyone (spec section 6), then the actor needs the authority (section 5).
import { lockedEntityRoles, webOnlyRoles } from "../catalog/products/experimentation.ts";
import type { ScopeLevel } from "../catalog/types.ts";
import type { ResourceAttributes } from "../model/resource.ts";
import { formatScope, type Scope, scopeDepth, scopeKeys } from "../model/scope.ts";
import { type AdminLevels, adminLevelsOf, countingAs, grantsInForce } from "./admin-levels.ts";
import { ADMIN_CENTER } from "./decide.ts";
import { bestProjectRole } from "./decide-feature.ts";
import type { FeaturePolicy } from "./feature-policy.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import { roleAt, viewFor } from "./grant-view.ts";
import { readPath } from "./resource-path.ts";
import type { RoleEntry } from "./role-entry.ts";
import { nodeCovers, type ScopeNode } from "./scope-tree.ts";
import type { Snapshot } from "./snapshot.ts";

const EXPERIMENTATION = "experimentation";
const MISSION_CONTROL = "mission-control";

export type Assignment = {
  readonly scope: Scope;
  /** The grantee's home organization. */
  readonly targetOrg: string;
  /** Attributes of the scope, when they matter (a project's platform). */
  readonly target?: ResourceAttributes;
  /** Seats already taken in the instance; counted from the snapshot when absent. */
  readonly seatsInUse?: number;
  /** The grantee, when the snapshot knows it (locks entity roles of administrators and owners). */
  readonly targetUser?: string;
} & ({ readonly role: string } | { readonly permission: string });

export interface AssignDecision {
  readonly decision: "allow" | "deny" | "invalid";
  readonly reason: string;
}

const allow = (reason: string): AssignDecision => ({ decision: "allow", reason });
const deny = (reason: string): AssignDecision => ({ decision: "deny", reason });
const invalid = (reason: string): AssignDecision => ({ decision: "invalid", reason });

const levelsCache = new WeakMap<Snapshot, AdminLevels>();
const levelsFor = (snap: Snapshot): AdminLevels => {
  let levels = levelsCache.get(snap);
  if (levels === undefined) {
    levels = adminLevelsOf(snap.catalog);
    levelsCache.set(snap, levels);
  }
  return levels;
};

export const decideAssignment = (
  snap: Snapshot,
  policy: FeaturePolicy,
  actor: Subject,
  a: Assignment,
  now: number,
): AssignDecision => {
  const role = "role" in a ? snap.catalog.role(a.role) : snap.catalog.single(a.permission);
  return validity(snap, policy, role, a, now) ?? authority(snap, actor, role, a, now);
};

/** Why no actor could make the assignment, or undefined when it is valid. */
const validity = (
  snap: Snapshot,
  policy: FeaturePolicy,
  role: RoleEntry,
  a: Assignment,
  now: number,
): AssignDecision | undefined => {
  const depth = scopeDepth(a.scope);
  if (depth < 0) return invalid("the scope sets a key below a missing one");
  const level = scopeKeys[depth] as ScopeLevel;
  if (role.product !== ADMIN_CENTER && a.scope.product !== role.product)
    return invalid(
      `a ${role.product} role cannot be granted at a scope of ${a.scope.product ?? "the whole organization"}`,
    );
  if (
    role.product === ADMIN_CENTER &&
    role.id === "admin-center:project-owner" &&
    a.scope.product !== EXPERIMENTATION
  )
    return invalid("the Admin Center project owner exists only for Experimentation projects");
  if (role.levels !== undefined && !role.levels.includes(level))
    return invalid(`${role.id} is granted at ${role.levels.join(" or ")} level, not at ${level} level`);
  if (role.levels === undefined && !role.single && role.product !== ADMIN_CENTER && depth < 1)
    return invalid(`${role.id} needs a scope of its product`);
  if (a.scope.product !== undefined && !snap.productEnabled(a.scope.org, a.scope.product))
    return invalid(`${a.scope.org} has not enabled ${a.scope.product}`);
  if (
    (webOnlyRoles as ReadonlyArray<string>).includes(role.id) &&
    depth >= 3 &&
    a.target?.platform === "feature"
  )
    return invalid(`${role.id} exists only on Web projects`);
  const product = snap.catalog.products.get(role.product);
  if (product && !product.customRoles && !role.system)
    return invalid(`${product.label} does not support custom roles`);
  for (const limit of product?.seatLimits ?? []) {
    if (!limit.roles.includes(role.id)) continue;
    const used = a.seatsInUse ?? seatsTaken(snap, limit.roles, a.scope, now);
    if (used >= limit.limit)
      return invalid(`${limit.roles.join(" and ")} together are limited to ${limit.limit} seats`);
  }
  const targetOrg = snap.org(a.targetOrg);
  if (
    role.product === MISSION_CONTROL &&
    targetOrg.kind === "partner" &&
    !snap.productEnabled(a.targetOrg, MISSION_CONTROL)
  )
    return invalid(
      `partner ${a.targetOrg} must enable Mission Control before its users hold Mission Control roles`,
    );
  if (a.targetOrg !== a.scope.org && !(role.product === MISSION_CONTROL && targetOrg.kind === "partner"))
    return invalid("only Mission Control roles reach across organizations, and only for partner users");
  if (isEntityRole(role) && a.targetUser !== undefined && snap.subjects.has(a.targetUser)) {
    const path = readPath(a.scope, new Array(6));
    const v = viewFor(snap, snap.subject(a.targetUser).slot, path);
    const at = bestProjectRole(snap, policy, v, path, now);
    const project = at < 0 ? undefined : roleAt(snap, v, at);
    if (project && (lockedEntityRoles as ReadonlyArray<string>).includes(project.id))
      return invalid(`the entity roles of a ${project.label} cannot be changed`);
  }
  return undefined;
};

/** Whether the actor holds the authority to make a valid assignment. */
const authority = (
  snap: Snapshot,
  actor: Subject,
  role: RoleEntry,
  a: Assignment,
  now: number,
): AssignDecision => {
  const levels = levelsFor(snap);
  const node = snap.tree.deepest(a.scope);
  const covering =
    node === undefined
      ? []
      : grantsInForce(snap, actor, now).filter(
          (g) => nodeCovers(g.node, node) && g.node.depth <= scopeDepth(a.scope),
        );
  if (countingAs(covering, levels.superAdmin).length > 0)
    return allow("a super admin may assign any role in its organization");
  if (role.product === ADMIN_CENTER)
    return deny("only a super admin can make a user an Admin Center administrator");
  const sameProduct = (g: Grant) => g.node.ancestors[1]?.key === role.product;
  const productAdmin = countingAs(covering, levels.productAdmin).filter(sameProduct);
  const instanceAdmin = countingAs(covering, levels.instanceAdmin).filter(sameProduct);
  const projectOwner = countingAs(covering, levels.projectOwner).filter(sameProduct);
  const makesAdmin = [...role.countsAs].some((i) => i !== role.index && isAdminLevel(levels, i));
  if (productAdmin.length > 0) return allow(`a product admin of ${role.product} may assign its roles`);
  if (instanceAdmin.length > 0) {
    const expAdmin = countingAs(instanceAdmin, levels.experimentationAdministrator).length > 0;
    if (makesAdmin && !expAdmin) return deny("you cannot add a user as an admin to your instance or project");
    return allow(
      expAdmin
        ? "an Experimentation administrator adds any Experimentation role in its instance"
        : "an instance admin may assign roles of its instance",
    );
  }
  if (projectOwner.length > 0) {
    if (role.product !== EXPERIMENTATION || ownerMayAdd(role))
      return allow("a project owner may add editors and viewers to the projects it owns");
    return deny("a project owner adds only editors and viewers");
  }
  return deny(`${actor.id} holds no admin level covering ${formatScope(a.scope)} for ${role.product}`);
};

/** Environment and flag roles: granted only at an environment or a flag. */
const isEntityRole = (role: RoleEntry): boolean =>
  role.levels?.every((l) => l === "environment" || l === "flag") === true;

const ownerMayAdd = (role: RoleEntry): boolean =>
  role.single ||
  role.id === "experimentation:editor" ||
  role.id === "experimentation:viewer" ||
  isEntityRole(role);

const isAdminLevel = (levels: AdminLevels, i: number): boolean =>
  i === levels.superAdmin ||
  i === levels.productAdmin ||
  i === levels.instanceAdmin ||
  i === levels.projectOwner;

/** Distinct holders of any of `roles` at the instance of `scope`. */
const seatsTaken = (snap: Snapshot, roles: ReadonlyArray<string>, scope: Scope, now: number): number => {
  const instance = snap.tree.exact(scope, 2);
  if (instance === undefined) return 0;
  const holders = new Set<string>();
  const visit = (node: ScopeNode): void => {
    for (const g of node.grants)
      if (roles.includes(g.role.id) && !(g.expiresAt !== 0 && g.expiresAt <= (now || Date.now())))
        holders.add(g.subject.id);
    for (const child of node.children?.values() ?? []) visit(child);
  };
  visit(instance);
  return holders.size;
};

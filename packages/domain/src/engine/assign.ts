// May an actor give a role (or one extra permission) at a scope to a user or group of some organization?
// First the assignment must be valid for anyone (spec section 6), then the delegation rule decides (delegation.ts).
import { lockedEntityRoles, webOnlyRoles } from "../catalog/products/experimentation.ts";
import type { ScopeLevel } from "../catalog/types.ts";
import type { ResourceAttributes } from "../model/resource.ts";
import { type Scope, scopeDepth, scopeKeys } from "../model/scope.ts";
import { ADMIN_CENTER } from "./decide.ts";
import { bestProjectRole } from "./decide-feature.ts";
import { delegation } from "./delegation.ts";
import type { FeaturePolicy } from "./feature-policy.ts";
import type { Subject } from "./grant-entry.ts";
import { roleAt, viewFor } from "./grant-view.ts";
import { readPath } from "./resource-path.ts";
import { isEntityRole, type RoleEntry } from "./role-entry.ts";
import type { ScopeNode } from "./scope-tree.ts";
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

const invalid = (reason: string): AssignDecision => ({ decision: "invalid", reason });

export const decideAssignment = (
  snap: Snapshot,
  policy: FeaturePolicy,
  actor: Subject,
  a: Assignment,
  now: number,
): AssignDecision => {
  const role = "role" in a ? snap.roleIn(a.role, a.scope.org) : snap.catalog.single(a.permission);
  return validity(snap, policy, role, a, now) ?? delegation(snap, actor, role, a.scope, now);
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

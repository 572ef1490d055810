// May an actor give a role (or one extra permission) at a scope to a user or group of some organization?
// First the assignment must be valid for anyone (spec section 6), then delegation.ts or entity-delegation.ts decides.
import { Result } from "effect";
import { inForce } from "../model/expiry.ts";
import type { ResourceAttributes } from "../model/resource.ts";
import { type Scope, scopeDepth } from "../model/scope.ts";
import { checkCustomRolePlacement } from "../rules/custom-role.ts";
import { bestProjectRole } from "./decide-feature.ts";
import { type DecisionContext, roleAt } from "./decision-context.ts";
import { delegation } from "./delegation.ts";
import { managedEntity } from "./entity-delegation.ts";
import type { Subject } from "./grant-entry.ts";
import { impossibleGrant, partnerProductOf } from "./impossible-grant.ts";
import { INSTANCE_DEPTH, PROJECT_DEPTH } from "./resource-path.ts";
import { isEntityRole, type RoleEntry } from "./role-entry.ts";
import type { ScopeNode } from "./scope-tree.ts";
import type { Snapshot } from "./snapshot.ts";

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

/** Decides with the engine's context, which it points at the grantee when entity roles are locked. */
export const decideAssignment = (
  cx: DecisionContext,
  actor: Subject,
  a: Assignment,
  now: number,
): AssignDecision => {
  const role = roleOf(cx, a);
  return validity(cx, role, a, now) ?? authority(cx, actor, role, a, now);
};

/**
 * Whether the actor holds the authority to make the assignment, its validity aside: what refusing one asks (a
 * customer denying a partner's request for a role the partner may no longer hold: refusing gives nothing).
 */
export const decideAuthority = (
  cx: DecisionContext,
  actor: Subject,
  a: Assignment,
  now: number,
): AssignDecision => authority(cx, actor, roleOf(cx, a), a, now);

const roleOf = (cx: DecisionContext, a: Assignment): RoleEntry =>
  "role" in a ? cx.snap.roleIn(a.role, a.scope.org) : cx.snap.catalog.single(a.permission);

const authority = (
  cx: DecisionContext,
  actor: Subject,
  role: RoleEntry,
  a: Assignment,
  now: number,
): AssignDecision => {
  const delegated = delegation(cx.snap, actor, role, a.scope, now);
  if (delegated.decision === "allow") return delegated;
  const managed = managedEntity(cx, actor, role, a.scope, now);
  return managed === undefined ? delegated : { decision: "allow", reason: managed };
};

/** Why no actor could make the assignment, or undefined when it is valid. */
const validity = (
  cx: DecisionContext,
  role: RoleEntry,
  a: Assignment,
  now: number,
): AssignDecision | undefined => {
  const { snap, policy } = cx;
  const catalog = snap.catalog;
  const impossible = impossibleGrant(snap, role, a.scope, a.targetOrg);
  if (impossible !== undefined) return invalid(impossible);
  const depth = scopeDepth(a.scope);
  if (a.scope.product !== undefined && !snap.productEnabled(a.scope.org, a.scope.product))
    return invalid(`${a.scope.org} has not enabled ${a.scope.product}`);
  if (policy.isWebOnly(role) && depth >= PROJECT_DEPTH && a.target?.platform === "feature")
    return invalid(`${role.id} exists only on Web projects`);
  const product = catalog.products.get(role.product);
  const instance = snap.customRoleInstance(role.id);
  const placed =
    instance === undefined ? undefined : checkCustomRolePlacement({ name: role.label, instance }, a.scope);
  if (placed !== undefined && Result.isFailure(placed)) return invalid(placed.failure.message);
  for (const limit of product?.seatLimits ?? []) {
    if (!limit.roles.includes(role.id)) continue;
    const used = a.seatsInUse ?? seatsTaken(snap, limit.roles, a.scope, now);
    if (used >= limit.limit)
      return invalid(`${limit.roles.join(" and ")} together are limited to ${limit.limit} seats`);
  }
  const partnerProduct = partnerProductOf(snap, role, a.targetOrg);
  if (partnerProduct !== undefined && !snap.productEnabled(a.targetOrg, partnerProduct.id))
    return invalid(
      `partner ${a.targetOrg} must enable ${partnerProduct.label} before its users hold ${partnerProduct.label} roles`,
    );
  if (isEntityRole(role) && a.targetUser !== undefined && snap.subjects.has(a.targetUser)) {
    cx.about(snap.subject(a.targetUser).slot, a.scope, now).gather();
    const at = bestProjectRole(cx);
    const project = at < 0 ? undefined : roleAt(cx, at);
    if (project && policy.isLocked(project))
      return invalid(
        `the environment and flag roles of ${/^[aeiou]/i.test(project.label) ? "an" : "a"} ${project.label} cannot be changed`,
      );
  }
  return undefined;
};

/** Distinct holders in force of any of `roles` at the instance of `scope`. */
const seatsTaken = (snap: Snapshot, roles: ReadonlyArray<string>, scope: Scope, now: number): number => {
  const instance = snap.tree.exact(scope, INSTANCE_DEPTH);
  if (instance === undefined) return 0;
  const holders = new Set<string>();
  const visit = (node: ScopeNode): void => {
    for (const g of node.grants)
      if (roles.includes(g.role.id) && inForce(g.expiresAt, now)) holders.add(g.subject.id);
    for (const child of node.children?.values() ?? []) visit(child);
  };
  visit(instance);
  return holders.size;
};

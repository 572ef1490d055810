// Entity admins manage their entity's permissions (spec section 3), beside the admin levels of delegation.ts:
// whoever may `flag.permissions.manage` a flag gives its flag roles there, `environment.permissions.manage` likewise.
import { isEnvironmentScope, isFlagScope, type Scope } from "../model/scope.ts";
import type { ActionRef } from "./compiled-catalog.ts";
import { decide } from "./decide.ts";
import type { DecisionContext } from "./decision-context.ts";
import type { FeaturePolicy } from "./feature-policy.ts";
import type { Subject } from "./grant-entry.ts";
import type { RoleEntry } from "./role-entry.ts";

/** One kind of entity: its roles, the scope that holds them, the action managing them and the allow's reason. */
interface EntityKind {
  readonly holds: (policy: FeaturePolicy, role: RoleEntry) => boolean;
  readonly at: (scope: Scope) => boolean;
  readonly manage: (policy: FeaturePolicy) => ActionRef;
  readonly reason: string;
}

const kinds: ReadonlyArray<EntityKind> = [
  {
    holds: (policy, role) => policy.isFlagRole(role),
    at: isFlagScope,
    manage: (policy) => policy.flagPermissions,
    reason: "a flag admin manages its flag's permissions: it gives the flag's roles",
  },
  {
    holds: (policy, role) => policy.isEnvironmentRole(role),
    at: isEnvironmentScope,
    manage: (policy) => policy.environmentPermissions,
    reason: "an environment admin manages its environment's permissions: it gives the environment's roles",
  },
];

/**
 * Why `actor` may give entity role `role` at `scope` (a flag role at a flag scope, an environment role at an
 * environment scope) by managing that entity's permissions there; undefined when it may not.
 */
export const managedEntity = (
  cx: DecisionContext,
  actor: Subject,
  role: RoleEntry,
  scope: Scope,
  now: number,
): string | undefined => {
  if (actor.org !== scope.org) return undefined;
  const kind = kinds.find((k) => k.holds(cx.policy, role) && k.at(scope));
  if (kind === undefined) return undefined;
  return decide(cx.ask(actor.slot, kind.manage(cx.policy), scope, now, null)) ? kind.reason : undefined;
};

// A flag admin manages its flag's permissions (spec section 3): whoever may `flag.permissions.manage` a flag gives
// and removes that flag's flag roles at its flag scope, beside the admin levels of delegation.ts.
import { isFlagScope, type Scope } from "../model/scope.ts";
import { decide } from "./decide.ts";
import type { DecisionContext } from "./decision-context.ts";
import type { Subject } from "./grant-entry.ts";
import type { RoleEntry } from "./role-entry.ts";

/** True when `actor` may give flag role `role` at flag scope `scope`: it may manage that flag's permissions. */
export const managesFlag = (
  cx: DecisionContext,
  actor: Subject,
  role: RoleEntry,
  scope: Scope,
  now: number,
): boolean =>
  cx.policy.isFlagRole(role) &&
  isFlagScope(scope) &&
  actor.org === scope.org &&
  decide(cx.ask(actor.slot, cx.policy.flagPermissions, scope, now, null));

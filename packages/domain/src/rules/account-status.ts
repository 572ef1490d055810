// Deactivating and reactivating an account as a pure rule (docs/decisions.md#users): the action that decides who
// may, the refusals no right overrides (one's own account, a wrong status), and which statuses count for nothing.
import { Result } from "effect";
import { InvalidTransition } from "./invalid-transition.ts";

/** The lifecycle of an account: invited until its invitation is accepted, disabled once removed from its account. */
export type AccountStatus = "invited" | "active" | "deactivated" | "disabled";
export type AccountEvent = "deactivate" | "reactivate";

/**
 * Whether an account's grants count for nothing in every organization (the engine holds it deactivated): while
 * deactivated, and once removed from its account (disabled) until it is invited again.
 */
export const countsForNothing = (status: AccountStatus): boolean =>
  status === "deactivated" || status === "disabled";

/**
 * Who may make an account-wide change: deactivate or reactivate (at the account's home organization), and remove
 * from the account (at the organization it is removed from); whoever the engine allows this action there, which
 * only Super Admin holds. Nobody makes either change to its own account (`selfRefusal`, rules/own-standing.ts).
 */
export const ACCOUNT_STATUS_ACTION = "admin-center:user.deactivate";

const moves: Record<AccountEvent, { readonly from: AccountStatus; readonly to: AccountStatus }> = {
  deactivate: { from: "active", to: "deactivated" },
  reactivate: { from: "deactivated", to: "active" },
};

const refusals: Record<AccountStatus, string> = {
  invited: "has not accepted its invitation yet: revoke the invitation instead",
  active: "is active already",
  deactivated: "is deactivated already",
  disabled: "was removed from the account: invite it again instead",
};

/** The status `event` leads `status` to, or why it cannot happen. */
export const nextAccountStatus = (
  status: AccountStatus,
  event: AccountEvent,
  account: string,
): Result.Result<AccountStatus, InvalidTransition> => {
  const move = moves[event];
  if (status === move.from) return Result.succeed(move.to);
  return Result.fail(
    new InvalidTransition({
      reason: "status",
      machine: "account",
      status,
      event,
      detail: `${account} ${refusals[status]}`,
    }),
  );
};

/** Why `actor` may never make `event` on account `target`, whatever its rights; undefined when it may ask. */
export const selfRefusal = (actor: string, target: string, event: AccountEvent): string | undefined =>
  actor === target
    ? `You cannot ${event} your own account: another super admin of the organization can`
    : undefined;

// A deactivated user (docs/decisions.md#users): every decision about it denies with this reason, and its
// grants, kept for its reactivation, count for nothing, neither for it nor for its delegation.
import type { GrantStanding } from "./usable-grants.ts";

/** Why a decision whose subject is deactivated denies (the explanation names the subject; the reason need not). */
export const DEACTIVATED_REASON =
  "the account is deactivated: its grants count for nothing until it is reactivated";

/** How each grant of a deactivated subject stands in an explanation. */
export const DEACTIVATED: GrantStanding = {
  status: "deactivated",
  note: "its holder's account is deactivated",
};

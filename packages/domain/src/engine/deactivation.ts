// A deactivated user, or one removed from its account (docs/decisions.md#users): every decision about it denies with
// this reason, and its grants count for nothing, neither for it nor for its delegation.
import type { GrantStanding } from "./usable-grants.ts";

/** Why a decision whose subject is deactivated denies (the explanation names the subject; the reason need not). */
export const DEACTIVATED_REASON =
  "the account is deactivated or removed from its organization: its grants count for nothing";

/** How each grant of a deactivated subject stands in an explanation. */
export const DEACTIVATED: GrantStanding = {
  status: "deactivated",
  note: "its holder's account is deactivated or removed",
};

// A deactivated user (docs/decisions.md#users): every decision about it denies with this reason, and its
// grants, kept for its reactivation, count for nothing, neither for it nor for its delegation.
import type { Subject } from "./grant-entry.ts";
import type { GrantStanding } from "./usable-grants.ts";

/** Why a decision whose subject is `subject` denies. */
export const deactivatedReason = (subject: Pick<Subject, "id">): string =>
  `${subject.id}'s account is deactivated: its grants count for nothing until it is reactivated`;

/** How each grant of a deactivated subject stands in an explanation. */
export const DEACTIVATED: GrantStanding = {
  status: "deactivated",
  note: "its holder's account is deactivated",
};

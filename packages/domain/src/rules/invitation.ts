// An invitation as a pure state machine: its statuses, the events that move it, the status each leads to and
// who makes each. The store and the API ask `nextInvitation` instead of branching on statuses themselves.
import { Result } from "effect";
import { InvalidTransition } from "./invalid-transition.ts";

/**
 * As an invitation reads now: a pending invitation past its expiry reads `expired` (time moves it; no one does),
 * and resending makes it pending again.
 */
export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";
export const invitationStatuses: ReadonlyArray<InvitationStatus> = [
  "pending",
  "accepted",
  "expired",
  "revoked",
];

/**
 * - resend: a new token and expiry; revoke: the token stops working and the grants it gave are withdrawn;
 * - accept: the invitee sets its password with the token, once;
 * - replace: the same account is invited again (an expired invitation is revoked; a pending one is to be resent);
 * - orphan: every place it grants at is deleted (its grants went with them), so an open invitation is revoked.
 */
export type InvitationEvent = "resend" | "revoke" | "accept" | "replace" | "orphan";
export const invitationEvents: ReadonlyArray<InvitationEvent> = [
  "resend",
  "revoke",
  "accept",
  "replace",
  "orphan",
];

/**
 * Who makes each event, which the API's declarations ask for:
 * - "grantor": whoever the engine allows to give every grant of the invitation (engine.assign for each);
 * - "claimant": a grantor who may also claim the never-signed-in account a new token hands over (every grant
 *   it holds, and its custom groups);
 * - "token-holder": whoever holds the token (public: the token is the credential);
 * - "cascade": deleting the place (an instance, a project), whoever the deletion itself was authorized for.
 */
export type InvitationMover = "grantor" | "claimant" | "token-holder" | "cascade";
export const invitationMovers: Readonly<Record<InvitationEvent, InvitationMover>> = {
  resend: "claimant",
  revoke: "grantor",
  accept: "token-holder",
  replace: "claimant",
  orphan: "cascade",
};

const moves: Readonly<Record<InvitationStatus, Partial<Record<InvitationEvent, InvitationStatus>>>> = {
  pending: { resend: "pending", revoke: "revoked", accept: "accepted", orphan: "revoked" },
  expired: { resend: "pending", replace: "revoked", orphan: "revoked" },
  // A used or revoked invitation is history: a new invitation leaves it as it is.
  accepted: { replace: "accepted" },
  revoked: { replace: "revoked" },
};

/** The statuses `event` may happen in (for a write's guard). */
export const invitationSources = (event: InvitationEvent): ReadonlyArray<InvitationStatus> =>
  invitationStatuses.filter((status) => moves[status][event] !== undefined);

const refusal = (status: InvitationStatus, event: InvitationEvent): string => {
  switch (event) {
    case "accept":
      return status === "accepted" ? "invitation already used" : `invitation ${status}`;
    case "replace":
      return "the account has a pending invitation: resend it instead";
    case "orphan":
      return `the invitation is ${status}: only an open (pending or expired) invitation is revoked with its places`;
    default: {
      const sources = invitationSources(event).join(" or ");
      return `the invitation is ${status}: only a ${sources} invitation can be ${event === "resend" ? "resent" : "revoked"}`;
    }
  }
};

/** The status `event` leads to from `status`, or why it cannot happen. */
export const nextInvitation = (
  status: InvitationStatus,
  event: InvitationEvent,
): Result.Result<InvitationStatus, InvalidTransition> => {
  const to = moves[status][event];
  return to !== undefined
    ? Result.succeed(to)
    : Result.fail(
        new InvalidTransition({
          reason: "status",
          machine: "invitation",
          status,
          event,
          detail: refusal(status, event),
        }),
      );
};

// A partner access request as a pure state machine: its statuses on each path, the events that move it, the
// status each leads to, what reaching it does and who makes each. Store and API ask it instead of branching.
import { Result } from "effect";
import { InvalidTransition } from "./invalid-transition.ts";

/** Direct: the customer's approval grants at once. Support ticket: the customer approves, the operator completes. */
export type AccessRequestPath = "direct" | "support-ticket";
export const accessRequestPaths: ReadonlyArray<AccessRequestPath> = ["direct", "support-ticket"];

export type AccessRequestStatus =
  | "pending"
  | "approved"
  | "denied"
  | "customer-approved"
  | "completed"
  | "cancelled";
export const accessRequestStatuses: ReadonlyArray<AccessRequestStatus> = [
  "pending",
  "approved",
  "denied",
  "customer-approved",
  "completed",
  "cancelled",
];

export type AccessRequestEvent = "approve" | "deny" | "complete" | "reject" | "cancel";
export const accessRequestEvents: ReadonlyArray<AccessRequestEvent> = [
  "approve",
  "deny",
  "complete",
  "reject",
  "cancel",
];

/**
 * Who makes each event, which the API's declarations ask for:
 * - "grantor": the customer, whoever engine.assign allows to give the granted role at the request's scope to
 *   the partner user (approving and denying ask the same question); denying a support ticket the customer
 *   approved withdraws that approval while it waits for the operator;
 * - "operator": the platform operator, completing a support ticket the customer approved or rejecting it (the
 *   request ends denied; the customer's approval stays recorded);
 * - "requester": the partner user the request is for, withdrawing its own request (it gives nothing, so no
 *   engine question).
 */
export type AccessRequestMover = "grantor" | "operator" | "requester";
export const accessRequestMovers: Readonly<Record<AccessRequestEvent, AccessRequestMover>> = {
  approve: "grantor",
  deny: "grantor",
  complete: "operator",
  reject: "operator",
  cancel: "requester",
};

type Moves = Partial<Record<AccessRequestStatus, Partial<Record<AccessRequestEvent, AccessRequestStatus>>>>;
const moves: Readonly<Record<AccessRequestPath, Moves>> = {
  direct: { pending: { approve: "approved", deny: "denied", cancel: "cancelled" } },
  "support-ticket": {
    pending: { approve: "customer-approved", deny: "denied", cancel: "cancelled" },
    "customer-approved": { complete: "completed", reject: "denied", deny: "denied" },
  },
};

/** What reaching a status does besides recording it: the partner user is granted the role, or a ticket is opened. */
export type AccessRequestEffect = "grant" | "ticket" | "none";
export const accessRequestEffects: Readonly<Record<AccessRequestStatus, AccessRequestEffect>> = {
  pending: "none",
  approved: "grant",
  denied: "none",
  "customer-approved": "ticket",
  completed: "grant",
  cancelled: "none",
};

/** A request as the machine reads it. */
export interface AccessRequestState {
  readonly id: string;
  readonly path: AccessRequestPath;
  readonly status: AccessRequestStatus;
}

const refusal = (request: AccessRequestState, event: AccessRequestEvent): string => {
  switch (event) {
    case "complete":
    case "reject":
      return "This access request is not a customer-approved support ticket";
    case "cancel":
      return `This access request is ${request.status}: only a pending request can be cancelled`;
    case "approve":
      return request.status === "customer-approved"
        ? "This access request is already approved: it waits for the operator (deny it to withdraw the approval)"
        : `This access request is already ${request.status}: only a pending request is approved`;
    case "deny":
      return `This access request is already ${request.status}: only a pending request, or an approval waiting for the operator, is denied`;
  }
};

/** The status `event` leads to for `request`, or why it cannot happen. */
export const nextAccessRequest = (
  request: AccessRequestState,
  event: AccessRequestEvent,
): Result.Result<AccessRequestStatus, InvalidTransition> => {
  const to = moves[request.path][request.status]?.[event];
  if (to !== undefined) return Result.succeed(to);
  const onPath = Object.values(moves[request.path]).some((from) => from?.[event] !== undefined);
  return Result.fail(
    new InvalidTransition({
      reason: onPath ? "status" : "path",
      machine: "access request",
      status: request.status,
      event,
      detail: refusal(request, event),
    }),
  );
};

/**
 * The role an approval grants: the one asked for, or another the customer chose, on the direct path only (a
 * support ticket is completed with the role it asked for).
 */
export const grantedRole = (
  request: AccessRequestState & { readonly requestedRole: string },
  chosen: string | undefined,
): Result.Result<string, InvalidTransition> =>
  chosen === undefined || chosen === request.requestedRole || request.path === "direct"
    ? Result.succeed(chosen ?? request.requestedRole)
    : Result.fail(
        new InvalidTransition({
          reason: "path",
          machine: "access request",
          status: request.status,
          event: "approve",
          detail: "role: a support-ticket request is completed with the role it asked for",
        }),
      );

// The partner's own requests and the steps of the support-ticket path (pending → customer-approved → completed);
// the words and colours of a request's role, path and status come from @gatehouse/ui, shared with the Admin Center.
import type { RouterOutputs } from "@gatehouse/client";
import type { AccessRequestStatus } from "@gatehouse/ui";

export type MyRequest = RouterOutputs["accessRequests"]["mine"][number];
export type RequestStatus = AccessRequestStatus;

/** The steps a support ticket goes through, in order. */
export const ticketSteps: ReadonlyArray<RequestStatus> = ["pending", "customer-approved", "completed"];

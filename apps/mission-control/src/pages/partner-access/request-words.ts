// The words and colours the partner access page uses for a request (its role, path and status, shared with the
// Admin Center from @gatehouse/ui), and the steps of the support-ticket path (pending → customer-approved → completed).
import type { RouterOutputs } from "@gatehouse/client";
import type { AccessRequestStatus } from "@gatehouse/ui";

export type MyRequest = RouterOutputs["accessRequests"]["mine"][number];
export type RequestStatus = AccessRequestStatus;

export {
  partnerRoleName as roleName,
  requestPathLabel as pathLabel,
  requestStatusColor as statusColor,
  requestStatusLabel as statusLabel,
} from "@gatehouse/ui";

/** The steps a support ticket goes through, in order. */
export const ticketSteps: ReadonlyArray<RequestStatus> = ["pending", "customer-approved", "completed"];

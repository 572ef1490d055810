// The words and colours the partner access page uses for a request: its role, path and status, and the
// steps of the support-ticket path (pending → customer-approved → completed).
import type { RouterOutputs } from "@gatehouse/client";

export type MyRequest = RouterOutputs["accessRequests"]["mine"][number];
export type RequestStatus = MyRequest["status"];

/** "partnerDev" from "mission-control:partnerDev". */
export const roleName = (role: string): string => role.slice(role.indexOf(":") + 1);

export const pathLabel = (path: MyRequest["path"]): string =>
  path === "direct" ? "Direct" : "Support ticket";

export const statusLabel: Record<RequestStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  denied: "Denied",
  "customer-approved": "Customer approved",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const statusColor: Record<RequestStatus, string> = {
  pending: "yellow",
  approved: "green",
  denied: "red",
  "customer-approved": "blue",
  completed: "green",
  cancelled: "gray",
};

/** The steps a support ticket goes through, in order. */
export const ticketSteps: ReadonlyArray<RequestStatus> = ["pending", "customer-approved", "completed"];

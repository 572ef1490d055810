// The words and colours a partner access request is shown with, in the customer's Admin Center and the
// partner's Mission Control alike: its role's short name, its path and its status.
import type { RouterOutputs } from "@gatehouse/client";

type AccessRequestView = RouterOutputs["accessRequests"]["mine"][number];
export type AccessRequestStatus = AccessRequestView["status"];

/** "partnerAdmin" from "mission-control:partnerAdmin". */
export const partnerRoleName = (role: string): string => role.slice(role.indexOf(":") + 1);

export const requestPathLabel = (path: AccessRequestView["path"]): string =>
  path === "direct" ? "Direct" : "Support ticket";

export const requestStatusLabel: Record<AccessRequestStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  denied: "Denied",
  "customer-approved": "Customer approved",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const requestStatusColor: Record<AccessRequestStatus, string> = {
  pending: "yellow",
  approved: "green",
  denied: "red",
  "customer-approved": "blue",
  completed: "green",
  cancelled: "gray",
};

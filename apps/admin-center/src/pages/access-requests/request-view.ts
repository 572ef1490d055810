// What the Access requests page shows of a partner access request: its type from the API, where it applies,
// and the words for its path and status.
import type { RouterOutputs } from "@gatehouse/client";

export type AccessRequest = RouterOutputs["accessRequests"]["list"][number];

export const missionControl = "mission-control";

/** The scope a request's grant is made at: Mission Control product-wide, or one of its instances. */
export const requestScope = (request: AccessRequest) => ({
  org: request.customerOrg,
  product: missionControl,
  ...(request.instance === null ? {} : { instance: request.instance }),
});

/** "partnerAdmin" from "mission-control:partnerAdmin". */
export const roleName = (role: string): string => role.slice(role.indexOf(":") + 1);

export const pathLabel = (path: AccessRequest["path"]): string =>
  path === "direct" ? "Direct" : "Support ticket";

export const statusLabel: Record<AccessRequest["status"], string> = {
  pending: "Pending",
  approved: "Approved",
  denied: "Denied",
  "customer-approved": "Customer approved",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const statusColor: Record<AccessRequest["status"], string> = {
  pending: "yellow",
  approved: "green",
  denied: "red",
  "customer-approved": "blue",
  completed: "green",
  cancelled: "gray",
};

// What the Access requests page shows of a partner access request: its type from the API, where it applies,
// and the words for its role, path and status (shared with Mission Control, from @gatehouse/ui).
import type { RouterOutputs } from "@gatehouse/client";

export type AccessRequest = RouterOutputs["accessRequests"]["list"][number];

export const missionControl = "mission-control";

/** The scope a request's grant is made at: Mission Control product-wide, or one of its instances. */
export const requestScope = (request: AccessRequest) => ({
  org: request.customerOrg,
  product: missionControl,
  ...(request.instance === null ? {} : { instance: request.instance }),
});

export {
  partnerRoleName as roleName,
  requestPathLabel as pathLabel,
  requestStatusColor as statusColor,
  requestStatusLabel as statusLabel,
} from "@gatehouse/ui";

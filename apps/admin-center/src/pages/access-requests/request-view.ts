// What the Access requests page knows of a partner access request: its type from the API and where it applies
// (the words and colours of its role, path and status come from @gatehouse/ui, shared with Mission Control).
import type { RouterOutputs } from "@gatehouse/client";

export type AccessRequest = RouterOutputs["accessRequests"]["list"][number];

export const missionControl = "mission-control";

/** The scope a request's grant is made at: Mission Control product-wide, or one of its instances. */
export const requestScope = (request: AccessRequest) => ({
  org: request.customerOrg,
  product: missionControl,
  ...(request.instance === null ? {} : { instance: request.instance }),
});

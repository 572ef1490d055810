// Inputs of partner access requests (`accessRequests.*`): the API decodes with them and the Admin Center's
// decision form validates with them, so both sides accept the same roles, paths and statuses.
import { Schema } from "effect";
import { Id, Text } from "./fields.ts";
import { ListPage } from "./list-page.ts";

/** The Mission Control roles a partner user may ask a customer for. */
export const PartnerRole = Schema.Literals([
  "mission-control:partnerUser",
  "mission-control:partnerDev",
  "mission-control:partnerAdmin",
]);

/** Where a request stands: decided by the customer, completed by the operator, or withdrawn. */
export const AccessRequestStatus = Schema.Literals([
  "pending",
  "approved",
  "denied",
  "customer-approved",
  "completed",
  "cancelled",
]);

export const AccessRequestInput = Schema.Struct({
  customerOrg: Id,
  role: PartnerRole,
  instance: Schema.optionalKey(Id),
  path: Schema.Literals(["direct", "support-ticket"]),
  note: Schema.optionalKey(Text(1000)),
});
export const AccessRequestListInput = Schema.Struct({
  ...ListPage.fields,
  org: Id,
  status: Schema.optionalKey(AccessRequestStatus),
});
/** `role` (approving a direct request only) grants another partner role than the one asked for. */
export const AccessRequestDecideInput = Schema.Struct({
  id: Id,
  approve: Schema.Boolean,
  role: Schema.optionalKey(PartnerRole),
});
export const AccessRequestCompleteInput = Schema.Struct({ id: Id });
/** The operator's queue of support tickets: those waiting for it (the default), or those it answered. */
export const SupportTicketQueueInput = Schema.Struct({
  status: Schema.optionalKey(Schema.Literals(["customer-approved", "completed", "denied"])),
});
export const AccessRequestCancelInput = Schema.Struct({ id: Id });

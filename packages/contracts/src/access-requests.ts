// Inputs of partner access requests (`accessRequests.*`): the API decodes with them and the Admin Center's
// decision form validates with them, so both sides accept the same roles, paths and statuses.
import { Schema } from "effect";

const Id = Schema.String.pipe(Schema.check(Schema.isMinLength(1)));

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
  note: Schema.optionalKey(Schema.String.pipe(Schema.check(Schema.isMaxLength(1000)))),
});
export const AccessRequestListInput = Schema.Struct({
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
export const AccessRequestCancelInput = Schema.Struct({ id: Id });

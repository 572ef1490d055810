// Inputs of Mission Control operations (`operations.*`): the API decodes with them and the Mission Control
// forms validate with them, so both sides accept the same actions, statuses, schedules and confirmations.
import { Schema } from "effect";

const Id = Schema.String.pipe(Schema.check(Schema.isMinLength(1)));

/** The Mission Control actions, without the `mission-control:` prefix. */
export const OperationAction = Schema.Literals([
  "site.view",
  "site.restart",
  "database.backup",
  "database.credentials",
  "database.sync",
  "userfiles.sync",
  "code.deploy",
  "extension.deploy",
]);

/** Where an operation stands. */
export const OperationStatus = Schema.Literals([
  "submitted",
  "in-progress",
  "completed",
  "failed",
  "cancelled",
]);

export const OperationRunInput = Schema.Struct({
  instance: Id,
  action: OperationAction,
  scheduledFor: Schema.optionalKey(Schema.DateFromString),
  confirmName: Schema.optionalKey(Schema.String),
});

export const OperationIdInput = Schema.Struct({ id: Id });

export const OperationHistoryInput = Schema.Struct({
  org: Id,
  instance: Schema.optionalKey(Id),
  status: Schema.optionalKey(OperationStatus),
  cursor: Schema.optionalKey(Id),
  limit: Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 100 }))),
});

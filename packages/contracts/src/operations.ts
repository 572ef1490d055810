// Inputs of Mission Control operations (`operations.*`): the API decodes with them and the Mission Control
// forms validate with them, so both sides accept the same actions, statuses, schedules and confirmations.
import { Schema } from "effect";
import { Cursor, Id, Instant, PageSize, Text } from "./fields.ts";

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
  scheduledFor: Schema.optionalKey(Instant),
  confirmName: Schema.optionalKey(Text(200)),
});

export const OperationIdInput = Schema.Struct({ id: Id });

export const OperationHistoryInput = Schema.Struct({
  org: Id,
  instance: Schema.optionalKey(Id),
  status: Schema.optionalKey(OperationStatus),
  cursor: Schema.optionalKey(Cursor),
  limit: PageSize(100),
});

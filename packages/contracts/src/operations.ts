// Inputs of Mission Control operations (`operations.*`): the API decodes with them and the Mission Control
// forms validate with them, so both sides accept the same actions, statuses, schedules and confirmations.
import { operationNames, scheduleRefusal } from "@gatehouse/domain/mission-control";
import { Schema } from "effect";
import { Cursor, Id, Instant, PageSize, Text } from "./fields.ts";

/**
 * The Mission Control operations, without the `mission-control:` prefix: the domain's list (every action but viewing,
 * which is a permission, not an operation to run).
 */
export const OperationAction = Schema.Literals(operationNames);

/** The run dialog refuses what the API refuses: the domain's schedule window. */
export { SCHEDULE_HORIZON_DAYS, scheduleRefusal } from "@gatehouse/domain/mission-control";

/**
 * When to run an operation: an instant from a minute in the past (it then runs at once) to 90 days ahead, read
 * against the clock when the input is decoded (the domain's scheduleRefusal).
 */
export const ScheduledFor = Instant.pipe(
  Schema.check(Schema.makeFilter((at: Date) => scheduleRefusal(at, Date.now()) ?? true)),
);

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
  scheduledFor: Schema.optionalKey(ScheduledFor),
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

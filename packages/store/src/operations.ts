// Mission Control operations: an action run (or scheduled) against an instance, its status and result, and
// one operation_events row per status change. Status changes are conditional on the current status.
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import type { Written } from "./changes.ts";
import { AlreadyExists, InvalidChange, type NotFound } from "./errors.ts";
import { newId } from "./ids.ts";
import { found } from "./versioned.ts";

export type OperationStatus = "submitted" | "in-progress" | "completed" | "failed" | "cancelled";

export interface OperationRecord {
  readonly id: string;
  readonly org: string;
  readonly instance: string;
  readonly action: string;
  readonly params: unknown;
  readonly requestedBy: string;
  readonly status: OperationStatus;
  readonly scheduledFor: Date | null;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
  readonly simulated: boolean;
  readonly result: unknown;
  readonly error: string | null;
  readonly createdAt: Date;
  readonly version: number;
}

export interface OperationEventRecord {
  readonly id: string;
  readonly status: OperationStatus;
  readonly at: Date;
  readonly actor: string | null;
  readonly message: string | null;
}

export interface NewOperation {
  /** Its id, when the caller names it first (its audit row's target); else a new one. */
  readonly id?: string | undefined;
  readonly org: string;
  readonly instance: string;
  readonly action: string;
  readonly params?: unknown;
  readonly requestedBy: string;
  readonly scheduledFor?: Date | null | undefined;
  readonly simulated: boolean;
  /**
   * At most one operation of `among` (action ids, `action` one of them) is open (`submitted` or `in-progress`) on
   * the instance: while another is, creating fails AlreadyExists with `refusal`. Inside a transaction (the
   * audited write's), creations on one instance queue on a lock, so of two at once the second sees the first.
   */
  readonly oneOpen?: { readonly among: ReadonlyArray<string>; readonly refusal: string } | undefined;
}

export interface OperationTransition {
  readonly from: ReadonlyArray<OperationStatus>;
  readonly to: OperationStatus;
  readonly actor: string | null;
  readonly message?: string | undefined;
  readonly result?: unknown;
  readonly error?: string | undefined;
}

export interface OperationFilter {
  readonly org: string;
  /**
   * Only the operations of these instances (those a reader may view): the page, and the cursor it pages from,
   * count no other; none given, every instance of `org`.
   */
  readonly instances?: ReadonlyArray<string> | undefined;
  readonly instance?: string | undefined;
  readonly status?: OperationStatus | undefined;
  /** Operations created before this one (keyset paging, newest first). */
  readonly cursor?: string | undefined;
  readonly limit: number;
}

export interface OperationsShape {
  readonly create: (input: NewOperation) => Effect.Effect<Written<OperationRecord>, AlreadyExists>;
  readonly get: (id: string) => Effect.Effect<OperationRecord, NotFound>;
  readonly list: (filter: OperationFilter) => Effect.Effect<ReadonlyArray<OperationRecord>>;
  readonly events: (id: string) => Effect.Effect<ReadonlyArray<OperationEventRecord>>;
  /** Operations not yet started (scheduled or due) of every organization, soonest first: what a server picks up. */
  readonly pending: () => Effect.Effect<ReadonlyArray<OperationRecord>>;
  /** In-progress operations whose process has not signalled for `staleAfterMs` (by the database's clock). */
  readonly abandoned: (staleAfterMs: number) => Effect.Effect<ReadonlyArray<OperationRecord>>;
  /** Signals that the process running an in-progress operation is alive (not a status change, not audited). */
  readonly heartbeat: (id: string) => Effect.Effect<void>;
  /**
   * Moves the operation to `to` if it is in one of `from`; InvalidChange otherwise. The update is conditional
   * on the status it read, so of several processes moving the same operation at once exactly one succeeds:
   * `submitted → in-progress` is how an executor claims an operation.
   */
  readonly transition: (
    id: string,
    change: OperationTransition,
  ) => Effect.Effect<Written<OperationRecord>, NotFound | InvalidChange>;
}

interface OperationRow {
  readonly id: string;
  readonly org: string;
  readonly instance: string;
  readonly action: string;
  readonly params: unknown;
  readonly requested_by: string;
  readonly status: OperationStatus;
  readonly scheduled_for: Date | string | null;
  readonly started_at: Date | string | null;
  readonly finished_at: Date | string | null;
  readonly simulated: boolean;
  readonly result: unknown;
  readonly error: string | null;
  readonly created_at: Date | string;
  readonly version: number;
}

const date = (value: Date | string | null): Date | null =>
  value === null ? null : value instanceof Date ? value : new Date(value);
const json = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value);

const fromRow = (row: OperationRow): OperationRecord => ({
  id: row.id,
  org: row.org,
  instance: row.instance,
  action: row.action,
  params: json(row.params),
  requestedBy: row.requested_by,
  status: row.status,
  scheduledFor: date(row.scheduled_for),
  startedAt: date(row.started_at),
  finishedAt: date(row.finished_at),
  simulated: row.simulated,
  result: json(row.result),
  error: row.error,
  createdAt: date(row.created_at) ?? new Date(0),
  version: row.version,
});

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const newestFirst = sql`created_at desc, id desc`;
  const select = (where: Statement.Fragment, limit = 1000, order = newestFirst) =>
    Effect.map(
      Effect.orDie(
        sql<OperationRow>`select id, org, instance, action, params, requested_by, status, scheduled_for, started_at,
                                 finished_at, simulated, result, error, created_at, version
                          from operations where ${where} order by ${order} limit ${limit}`,
      ),
      (rows) => rows.map(fromRow),
    );

  const get = Effect.fn("Operations.get")(function* (id: string) {
    return yield* found("operation", id, yield* select(sql`id = ${id}`));
  });

  const event = (id: string, status: OperationStatus, actor: string | null, message: string | null) =>
    Effect.orDie(
      sql`insert into operation_events (operation, status, actor, message)
          values (${id}, ${status}, ${actor}, ${message})`,
    );

  /** Fails when an operation of `oneOpen.among` is open on the instance, holding its lock until the transaction ends. */
  const onlyOpen = Effect.fn("Operations.onlyOpen")(function* (
    input: NewOperation & { readonly oneOpen: NonNullable<NewOperation["oneOpen"]> },
  ) {
    yield* Effect.orDie(
      sql`select pg_advisory_xact_lock(hashtext(${`gatehouse.operations:${input.instance}`}))`,
    );
    const open = yield* select(
      sql`instance = ${input.instance} and status in ('submitted', 'in-progress')
          and action in ${sql.in(input.oneOpen.among)}`,
      1,
    );
    if (open.length > 0)
      return yield* new AlreadyExists({
        kind: "operation",
        constraint: "one open operation of its kind per instance",
        reason: input.oneOpen.refusal,
      });
  });

  const create = Effect.fn("Operations.create")(function* (input: NewOperation) {
    if (input.oneOpen?.among.includes(input.action) === true)
      yield* onlyOpen({ ...input, oneOpen: input.oneOpen });
    const id = input.id ?? newId("op");
    yield* Effect.orDie(
      sql`insert into operations (id, org, instance, action, params, requested_by, scheduled_for, simulated)
          values (${id}, ${input.org}, ${input.instance}, ${input.action}, ${JSON.stringify(input.params ?? {})},
                  ${input.requestedBy}, ${input.scheduledFor ?? null}, ${input.simulated})`,
    );
    yield* event(
      id,
      "submitted",
      input.requestedBy,
      input.scheduledFor ? `scheduled for ${input.scheduledFor.toISOString()}` : "submitted",
    );
    const op = yield* Effect.orDie(get(id));
    return { value: op, before: null, after: op, changes: [] } satisfies Written<OperationRecord>;
  });

  const list = Effect.fn("Operations.list")(function* (filter: OperationFilter) {
    const among = filter.instances;
    if (among !== undefined && among.length === 0) return [];
    const within = [
      sql`org = ${filter.org}`,
      ...(among === undefined ? [] : [sql`instance in ${sql.in(among)}`]),
    ];
    const conditions = [
      ...within,
      ...(filter.instance === undefined ? [] : [sql`instance = ${filter.instance}`]),
      ...(filter.status === undefined ? [] : [sql`status = ${filter.status}`]),
      // A cursor counts only as one of the operations listed: any other (hidden, another organization's, made
      // up) pages nowhere, alike.
      ...(filter.cursor === undefined
        ? []
        : [
            sql`(created_at, id) < (select created_at, id from operations
                                    where id = ${filter.cursor} and ${sql.and(within)})`,
          ]),
    ];
    return yield* select(sql.and(conditions), filter.limit);
  });

  const events = Effect.fn("Operations.events")(function* (id: string) {
    const rows = yield* Effect.orDie(
      sql<{
        readonly id: string | number | bigint;
        readonly status: OperationStatus;
        readonly at: Date | string;
        readonly actor: string | null;
        readonly message: string | null;
      }>`select id, status, at, actor, message from operation_events where operation = ${id} order by at, id`,
    );
    return rows.map((r) => ({
      id: String(r.id),
      status: r.status,
      at: date(r.at) ?? new Date(0),
      actor: r.actor,
      message: r.message,
    }));
  });

  // Both read within the partial index operations_pending_idx, in its order.
  const pending = Effect.fn("Operations.pending")(function* () {
    return yield* select(sql`status = 'submitted'`, 1000, sql`coalesce(scheduled_for, created_at), id`);
  });

  const abandoned = Effect.fn("Operations.abandoned")(function* (staleAfterMs: number) {
    const seconds = String(Math.max(0, staleAfterMs) / 1000);
    return yield* select(
      sql`status = 'in-progress' and updated_at < now() - ${seconds}::numeric * interval '1 second'`,
      1000,
      sql`coalesce(scheduled_for, created_at), id`,
    );
  });

  const heartbeat = Effect.fn("Operations.heartbeat")(function* (id: string) {
    yield* Effect.orDie(
      sql`update operations set updated_at = now() where id = ${id} and status = 'in-progress'`,
    );
  });

  const transition = Effect.fn("Operations.transition")(function* (id: string, change: OperationTransition) {
    const before = yield* get(id);
    if (!change.from.includes(before.status))
      return yield* new InvalidChange({
        reason: `the operation is ${before.status}, no longer ${change.from.join(" or ")}`,
      });
    const started = change.to === "in-progress" ? sql`now()` : sql`started_at`;
    const finished = ["completed", "failed", "cancelled"].includes(change.to) ? sql`now()` : sql`finished_at`;
    const rows = yield* Effect.orDie(
      sql`update operations set status = ${change.to}, started_at = ${started}, finished_at = ${finished},
                 result = ${change.result === undefined ? null : JSON.stringify(change.result)},
                 error = ${change.error ?? null}, version = version + 1, updated_at = now()
          where id = ${id} and status = ${before.status} returning id`,
    );
    if (rows.length === 0)
      return yield* new InvalidChange({ reason: `operation ${id} changed status concurrently` });
    yield* event(id, change.to, change.actor, change.message ?? null);
    const after = yield* Effect.orDie(get(id));
    return { value: after, before, after, changes: [] } satisfies Written<OperationRecord>;
  });

  return { create, get, list, events, pending, abandoned, heartbeat, transition } satisfies OperationsShape;
});

export class Operations extends Context.Service<Operations, OperationsShape>()(
  "@gatehouse/store/Operations",
) {
  static readonly layer = Layer.effect(Operations, make);
}

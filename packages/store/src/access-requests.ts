// A partner's requests for access in a customer organization, stored; which event moves a request to which
// status is the domain's machine (rules/access-request.ts), asked again inside the write.
import {
  type AccessRequestEvent,
  type AccessRequestPath,
  type AccessRequestStatus,
  accessRequestMovers,
  nextAccessRequest,
} from "@gatehouse/domain";
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import type { Written } from "./changes.ts";
import { type AlreadyExists, InvalidChange, type NotFound } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found } from "./versioned.ts";

export interface AccessRequestRecord {
  readonly id: string;
  readonly partnerOrg: string;
  readonly customerOrg: string;
  readonly userId: string;
  readonly requestedBy: string;
  readonly requestedRole: string;
  readonly instance: string | null;
  readonly path: AccessRequestPath;
  readonly status: AccessRequestStatus;
  readonly decidedBy: string | null;
  /** When the customer decided, null while pending. */
  readonly decidedAt: Date | null;
  /** The operator who completed or rejected a support ticket, and when. */
  readonly completedBy: string | null;
  readonly completedAt: Date | null;
  /** When the partner user asked. */
  readonly createdAt: Date;
  readonly ticket: string | null;
  readonly note: string | null;
  readonly grantId: string | null;
  readonly version: number;
}

export interface NewAccessRequest {
  /** Its id, when the caller names it first (its audit row's target); else a new one. */
  readonly id?: string | undefined;
  readonly partnerOrg: string;
  readonly customerOrg: string;
  readonly userId: string;
  readonly requestedBy: string;
  readonly requestedRole: string;
  readonly instance?: string | null | undefined;
  readonly path: AccessRequestPath;
  readonly note?: string | null | undefined;
}

/** An event on a request, who made it and what it recorded (the grant made, the support ticket opened). */
export interface AccessRequestMove {
  readonly event: AccessRequestEvent;
  readonly by: string;
  readonly grantId?: string | undefined;
  readonly ticket?: string | undefined;
}

export interface AccessRequestsShape {
  readonly create: (
    input: NewAccessRequest,
  ) => Effect.Effect<Written<AccessRequestRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<AccessRequestRecord, NotFound>;
  readonly list: (filter: {
    readonly customerOrg?: string | undefined;
    readonly userId?: string | undefined;
    readonly path?: AccessRequestPath | undefined;
    readonly status?: AccessRequestStatus | undefined;
  }) => Effect.Effect<ReadonlyArray<AccessRequestRecord>>;
  /** Moves the request as the domain's machine says `move.event` does, recording who decided it (the operator's events: who completed or rejected it). */
  readonly transition: (
    id: string,
    move: AccessRequestMove,
  ) => Effect.Effect<Written<AccessRequestRecord>, NotFound | InvalidChange>;
}

interface Row {
  readonly id: string;
  readonly partner_org: string;
  readonly customer_org: string;
  readonly user_id: string;
  readonly requested_by: string;
  readonly requested_role: string;
  readonly instance: string | null;
  readonly path: AccessRequestPath;
  readonly status: AccessRequestStatus;
  readonly decided_by: string | null;
  readonly decided_at: Date | string | null;
  readonly completed_by: string | null;
  readonly completed_at: Date | string | null;
  readonly created_at: Date | string;
  readonly ticket: string | null;
  readonly note: string | null;
  readonly grant_id: string | null;
  readonly version: number;
}

const dateOf = (value: Date | string | null): Date | null => (value === null ? null : new Date(value));

const fromRow = (r: Row): AccessRequestRecord => ({
  id: r.id,
  partnerOrg: r.partner_org,
  customerOrg: r.customer_org,
  userId: r.user_id,
  requestedBy: r.requested_by,
  requestedRole: r.requested_role,
  instance: r.instance,
  path: r.path,
  status: r.status,
  decidedBy: r.decided_by,
  decidedAt: dateOf(r.decided_at),
  completedBy: r.completed_by,
  completedAt: dateOf(r.completed_at),
  createdAt: new Date(r.created_at),
  ticket: r.ticket,
  note: r.note,
  grantId: r.grant_id,
  version: r.version,
});

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const select = (where: Statement.Fragment) =>
    Effect.map(
      Effect.orDie(
        sql<Row>`select id, partner_org, customer_org, user_id, requested_by, requested_role, instance, path, status,
                        decided_by, decided_at, completed_by, completed_at, created_at, ticket, note, grant_id, version
                 from access_requests where ${where} order by created_at desc, id desc`,
      ),
      (rows) => rows.map(fromRow),
    );

  const get = Effect.fn("AccessRequests.get")(function* (id: string) {
    return yield* found("access request", id, yield* select(sql`id = ${id}`));
  });

  const create = Effect.fn("AccessRequests.create")(function* (input: NewAccessRequest) {
    const id = input.id ?? newId("acr");
    yield* sql`insert into access_requests (id, partner_org, customer_org, user_id, requested_by, requested_role,
                                            instance, path, note)
               values (${id}, ${input.partnerOrg}, ${input.customerOrg}, ${input.userId}, ${input.requestedBy},
                       ${input.requestedRole}, ${input.instance ?? null}, ${input.path}, ${input.note ?? null})`;
    const request = yield* Effect.orDie(get(id));
    return {
      value: request,
      before: null,
      after: request,
      changes: [],
    } satisfies Written<AccessRequestRecord>;
  }, constraintsAs("access request"));

  const list = Effect.fn("AccessRequests.list")(function* (filter: {
    readonly customerOrg?: string | undefined;
    readonly userId?: string | undefined;
    readonly path?: AccessRequestPath | undefined;
    readonly status?: AccessRequestStatus | undefined;
  }) {
    const conditions = [
      ...(filter.customerOrg === undefined ? [] : [sql`customer_org = ${filter.customerOrg}`]),
      ...(filter.userId === undefined ? [] : [sql`user_id = ${filter.userId}`]),
      ...(filter.path === undefined ? [] : [sql`path = ${filter.path}`]),
      ...(filter.status === undefined ? [] : [sql`status = ${filter.status}`]),
    ];
    return yield* select(conditions.length === 0 ? sql`true` : sql.and(conditions));
  });

  const transition = Effect.fn("AccessRequests.transition")(function* (id: string, move: AccessRequestMove) {
    const before = yield* get(id);
    const to = yield* Effect.mapError(
      Effect.fromResult(nextAccessRequest(before, move.event)),
      (refused) => new InvalidChange({ reason: refused.message }),
    );
    const rows = yield* Effect.orDie(
      accessRequestMovers[move.event] === "operator"
        ? sql`update access_requests set status = ${to}, completed_by = ${move.by}, completed_at = now(),
                     grant_id = coalesce(${move.grantId ?? null}, grant_id), version = version + 1, updated_at = now()
              where id = ${id} and status = ${before.status} returning id`
        : sql`update access_requests set status = ${to}, decided_by = ${move.by}, decided_at = now(),
                     grant_id = coalesce(${move.grantId ?? null}, grant_id),
                     ticket = coalesce(${move.ticket ?? null}, ticket), version = version + 1, updated_at = now()
              where id = ${id} and status = ${before.status} returning id`,
    );
    if (rows.length === 0)
      return yield* new InvalidChange({ reason: `access request ${id} changed concurrently` });
    const after = yield* Effect.orDie(get(id));
    return { value: after, before, after, changes: [] } satisfies Written<AccessRequestRecord>;
  });

  return { create, get, list, transition } satisfies AccessRequestsShape;
});

export class AccessRequests extends Context.Service<AccessRequests, AccessRequestsShape>()(
  "@gatehouse/store/AccessRequests",
) {
  static readonly layer = Layer.effect(AccessRequests, make);
}

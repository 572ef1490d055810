// Reading the audit log: filtered, newest first, keyset-paged on (at, id); and the organization of one row.
// The log is append-only and written only by Mutations.mutate; nothing here changes it.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";

export interface AuditEntry {
  /** The row's bigint id, as text. */
  readonly id: string;
  readonly at: Date;
  readonly requestId: string | null;
  readonly actorKind: string;
  readonly actorId: string | null;
  readonly org: string | null;
  readonly action: string;
  readonly targetKind: string;
  readonly targetId: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

export interface AuditFilter {
  readonly org: string;
  readonly actor?: string | undefined;
  readonly targetKind?: string | undefined;
  readonly targetId?: string | undefined;
  readonly action?: string | undefined;
  /** Entries at or after this instant. */
  readonly from?: Date | undefined;
  /** Entries strictly before this instant. */
  readonly to?: Date | undefined;
  /** The id of the last entry of the previous page: the page continues strictly after it (older). */
  readonly after?: string | undefined;
  readonly limit: number;
}

export interface AuditLogShape {
  /** Entries of `filter.org` matching every given filter, newest first ((at, id) descending), at most `limit`. */
  readonly list: (filter: AuditFilter) => Effect.Effect<ReadonlyArray<AuditEntry>>;
  /** The organization of audit row `id`: a string, null for platform-level rows, undefined when there is none. */
  readonly orgOf: (id: string) => Effect.Effect<string | null | undefined>;
}

interface Row {
  readonly id: bigint | string | number;
  readonly at: Date | string;
  readonly request_id: string | null;
  readonly actor_kind: string;
  readonly actor_id: string | null;
  readonly org: string | null;
  readonly action: string;
  readonly target_kind: string;
  readonly target_id: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

/** JSONB may come back as text from a driver: parse it then. */
const json = (value: unknown): unknown => {
  if (typeof value !== "string") return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

const entry = (row: Row): AuditEntry => ({
  id: String(row.id),
  at: new Date(row.at),
  requestId: row.request_id,
  actorKind: row.actor_kind,
  actorId: row.actor_id,
  org: row.org,
  action: row.action,
  targetKind: row.target_kind,
  targetId: row.target_id,
  before: json(row.before),
  after: json(row.after),
});

/** Only digits reach SQL as an audit id (anything else matches nothing). */
const auditId = /^[0-9]{1,19}$/;

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  const list = Effect.fn("AuditLog.list")(function* (filter: AuditFilter) {
    if (filter.after !== undefined && !auditId.test(filter.after)) return [];
    const conditions = [
      sql`org = ${filter.org}`,
      ...(filter.actor === undefined ? [] : [sql`actor_id = ${filter.actor}`]),
      ...(filter.targetKind === undefined ? [] : [sql`target_kind = ${filter.targetKind}`]),
      ...(filter.targetId === undefined ? [] : [sql`target_id = ${filter.targetId}`]),
      ...(filter.action === undefined ? [] : [sql`action = ${filter.action}`]),
      ...(filter.from === undefined ? [] : [sql`at >= ${filter.from}`]),
      ...(filter.to === undefined ? [] : [sql`at < ${filter.to}`]),
      // The cursor's own (at, id) is read in SQL, so the timestamp keeps its full precision.
      ...(filter.after === undefined
        ? []
        : [sql`(at, id) < (select c.at, c.id from audit_log c where c.id = ${filter.after}::bigint)`]),
    ];
    const rows = yield* Effect.orDie(sql<Row>`
      select id, at, request_id, actor_kind, actor_id, org, action, target_kind, target_id, before, after
      from audit_log where ${sql.and(conditions)}
      order by at desc, id desc limit ${filter.limit}`);
    return rows.map(entry);
  });

  const orgOf = Effect.fn("AuditLog.orgOf")(function* (id: string) {
    if (!auditId.test(id)) return undefined;
    const rows = yield* Effect.orDie(
      sql<{ readonly org: string | null }>`select org from audit_log where id = ${id}::bigint`,
    );
    return rows[0] === undefined ? undefined : rows[0].org;
  });

  return { list, orgOf } satisfies AuditLogShape;
});

export class AuditLog extends Context.Service<AuditLog, AuditLogShape>()("@gatehouse/store/AuditLog") {
  static readonly layer = Layer.effect(AuditLog, make);
}

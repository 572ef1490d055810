// Reading the audit log (append-only): filtered (also by the place a row is about), newest or oldest first, keyset on
// (at, id); the places of an organization, the organization of one row, and who acted, by name or email.
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

/** Places an entry may be about: it is kept when its product, instance or project is listed. */
export interface AuditReach {
  readonly products: ReadonlyArray<string>;
  readonly instances: ReadonlyArray<string>;
  readonly projects: ReadonlyArray<string>;
}

/** One place of an organization: an instance of a product, or a project of an instance. */
export interface AuditPlace {
  readonly product: string;
  readonly instance: string;
  readonly project: string | null;
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
  /** Newest first (default) or oldest first, on (at, id). */
  readonly order?: "newest" | "oldest" | undefined;
  /** The id of the last entry of the previous page: the page continues strictly after it, in `order`. */
  readonly after?: string | undefined;
  /** Only entries about these places (see `placeOf` below); every entry when absent. */
  readonly within?: AuditReach | undefined;
  readonly limit: number;
}

export interface AuditLogShape {
  /** Entries of `filter.org` matching every given filter, in `filter.order` on (at, id), at most `limit`. */
  readonly list: (filter: AuditFilter) => Effect.Effect<ReadonlyArray<AuditEntry>>;
  /** Every instance of `org` with each of its projects (one row per project, `project: null` for the instance). */
  readonly places: (org: string) => Effect.Effect<ReadonlyArray<AuditPlace>>;
  /** The organization of audit row `id`: a string, null for platform-level rows, undefined when there is none. */
  readonly orgOf: (id: string) => Effect.Effect<string | null | undefined>;
  /**
   * The ids (at most 10) of the users who acted in entries of `org` within `within` (every entry when absent) whose
   * name or email is `text`, case aside; a user's own id matches too.
   */
  readonly actors: (filter: {
    readonly org: string;
    readonly text: string;
    readonly within?: AuditReach | undefined;
  }) => Effect.Effect<ReadonlyArray<string>>;
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

  /*
   * The place an entry is about, read from its snapshots: a grant's scope, else the `project`, `instance` and
   * `product` fields of the row it wrote (roles, instances, projects, flags, environments, operations), else the
   * target itself (an instance or a project), completed from the projects and instances tables. Partner access
   * requests are Mission Control's. Entries with no product (groups, organizations, users) have no place.
   */
  const placeOf = sql`
    cross join lateral (select coalesce(a.after #>> '{scope,project}', a.before #>> '{scope,project}',
        a.after ->> 'project', a.before ->> 'project',
        case when a.target_kind = 'project' then a.target_id end) as project) pj
    cross join lateral (select coalesce(a.after #>> '{scope,instance}', a.before #>> '{scope,instance}',
        a.after ->> 'instance', a.before ->> 'instance',
        case when a.target_kind = 'instance' then a.target_id end,
        (select p.instance from projects p where p.id = pj.project)) as instance) pi
    cross join lateral (select coalesce(a.after #>> '{scope,product}', a.before #>> '{scope,product}',
        a.after ->> 'product', a.before ->> 'product',
        case when a.target_kind = 'access-request' then 'mission-control' end,
        (select i.product from instances i where i.id = pi.instance)) as product) pp`;

  /** The reach as one condition on the place, or undefined when it reaches nothing. */
  const reachCondition = (reach: AuditReach) => {
    const parts = [
      ...(reach.products.length === 0 ? [] : [sql`pp.product = any(${reach.products}::text[])`]),
      ...(reach.instances.length === 0 ? [] : [sql`pi.instance = any(${reach.instances}::text[])`]),
      ...(reach.projects.length === 0 ? [] : [sql`pj.project = any(${reach.projects}::text[])`]),
    ];
    return parts.length === 0 ? undefined : sql.or(parts);
  };

  const list = Effect.fn("AuditLog.list")(function* (filter: AuditFilter) {
    if (filter.after !== undefined && !auditId.test(filter.after)) return [];
    const reach = filter.within === undefined ? undefined : reachCondition(filter.within);
    if (filter.within !== undefined && reach === undefined) return [];
    const oldestFirst = filter.order === "oldest";
    const conditions = [
      ...(reach === undefined ? [] : [reach]),
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
        : [
            sql`(at, id) ${oldestFirst ? sql`>` : sql`<`} (select c.at, c.id from audit_log c where c.id = ${filter.after}::bigint)`,
          ]),
    ];
    const rows = yield* Effect.orDie(sql<Row>`
      select id, at, request_id, actor_kind, actor_id, org, action, target_kind, target_id, before, after
      from audit_log a ${filter.within === undefined ? sql`` : placeOf} where ${sql.and(conditions)}
      order by ${oldestFirst ? sql`at asc, id asc` : sql`at desc, id desc`} limit ${filter.limit}`);
    return rows.map(entry);
  });

  const orgOf = Effect.fn("AuditLog.orgOf")(function* (id: string) {
    if (!auditId.test(id)) return undefined;
    const rows = yield* Effect.orDie(
      sql<{ readonly org: string | null }>`select org from audit_log where id = ${id}::bigint`,
    );
    return rows[0] === undefined ? undefined : rows[0].org;
  });

  const places = Effect.fn("AuditLog.places")(function* (org: string) {
    return yield* Effect.orDie(sql<AuditPlace>`
      select i.product, i.id as instance, null as project from instances i where i.org = ${org}
      union all
      select i.product, i.id, p.id from projects p join instances i on i.id = p.instance where i.org = ${org}
      order by 1, 2, 3 nulls first`);
  });

  const actors = Effect.fn("AuditLog.actors")(function* (filter: {
    readonly org: string;
    readonly text: string;
    readonly within?: AuditReach | undefined;
  }) {
    const reach = filter.within === undefined ? undefined : reachCondition(filter.within);
    if (filter.within !== undefined && reach === undefined) return [];
    const rows = yield* Effect.orDie(sql<{ readonly actor_id: string }>`
      select distinct a.actor_id from audit_log a ${filter.within === undefined ? sql`` : placeOf}
      join users u on u.id = a.actor_id
      where ${sql.and([
        ...(reach === undefined ? [] : [reach]),
        sql`a.org = ${filter.org}`,
        sql`(lower(u.name) = lower(${filter.text}) or lower(u.email) = lower(${filter.text}) or u.id = ${filter.text})`,
      ])}
      order by a.actor_id limit 10`);
    return rows.map((row) => row.actor_id);
  });

  return { list, places, orgOf, actors } satisfies AuditLogShape;
});

export class AuditLog extends Context.Service<AuditLog, AuditLogShape>()("@gatehouse/store/AuditLog") {
  static readonly layer = Layer.effect(AuditLog, make);
}

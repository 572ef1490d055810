// One organization's engine snapshot, for a decision point outside the server (GET /v1/snapshot): what
// load-engine.ts loads, narrowed to the organization and the partner users and groups holding grants in it.
import { type AccountStatus, countsForNothing, type SnapshotRow } from "@gatehouse/domain";
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import { grantChange, grantColumns, grantFromRow } from "./grants.ts";
import { type RoleRow, roleRow } from "./snapshot-rows.ts";

/** How many of the newest committed audit ids a snapshot carries (domain's AppliedPositions reads them). */
export const snapshotNewestIds = 1_000;

/**
 * The rows to load, in load order, the last audit id committed in the same snapshot (`position`), and the newest
 * `snapshotNewestIds` ids committed there, ascending (all of them when fewer): the positions the rows hold.
 */
export interface OrgSnapshot {
  readonly rows: ReadonlyArray<SnapshotRow>;
  readonly position: string;
  readonly newest: ReadonlyArray<string>;
}

/** Another organization's users and groups in `org`'s snapshot, and their organizations (its partners). */
export interface Partners {
  readonly subjects: ReadonlySet<string>;
  readonly orgs: ReadonlySet<string>;
}

/**
 * Who the snapshot holds, as SQL: the organization's groups and the groups holding grants in it; their members;
 * the organization's users, those holding grants in it and the members of those groups.
 */
const subjectsSql = (sql: SqlClient.SqlClient, org: string) => sql`
  with holders as (select distinct subject_kind, subject_id from grants where org = ${org}),
  grp as (select id, org from groups
          where org = ${org} or id in (select subject_id from holders where subject_kind = 'group')),
  mem as (select group_id, user_id from group_members where group_id in (select id from grp)),
  usr as (select id, org, status from users
          where org = ${org}
             or id in (select subject_id from holders where subject_kind = 'user')
             or id in (select user_id from mem))`;

/** Another organization's subjects holding grants in `org` (or in its groups), and their organizations. */
const partnersOf = (sql: SqlClient.SqlClient) =>
  Effect.fn("OrgSnapshots.partners")(function* (org: string) {
    const rows = yield* Effect.orDie(sql<{ readonly id: string; readonly org: string }>`
    ${subjectsSql(sql, org)}
    select id, org from usr where org <> ${org} union all select id, org from grp where org <> ${org}`);
    const partners: Partners = {
      subjects: new Set(rows.map((row) => row.id)),
      orgs: new Set(rows.map((row) => row.org)),
    };
    return partners;
  });

/**
 * Reads `org`'s snapshot in one repeatable-read transaction. A partner organization appears with its kind and only
 * those of its enabled products its grants into `org` use (what the engine reads of it); nothing else of it.
 */
const loadOrgSnapshot = (sql: SqlClient.SqlClient) =>
  Effect.fn("OrgSnapshots.load")(function* (org: string) {
    const subjects = subjectsSql(sql, org);
    const load = Effect.all(
      {
        audit: sql<{ readonly id: string }>`
        select id::text as id from audit_log order by audit_log.id desc limit ${snapshotNewestIds}`,
        orgs: sql<{
          readonly id: string;
          readonly kind: "customer" | "partner";
          readonly products: ReadonlyArray<string>;
        }>`${subjects}
         select o.id, o.kind, coalesce(array_agg(p.product) filter (where p.enabled), '{}') as products
         from organizations o left join organization_products p on p.org = o.id
         where o.id = ${org} or o.id in (select org from usr union select org from grp) group by o.id`,
        // The products each partner organization's grants in `org` use (a role's product, a permission's prefix).
        used: sql<{ readonly org: string; readonly product: string }>`${subjects}
         select distinct s.org, coalesce(r.product, split_part(g.permission, ':', 1)) as product
         from grants g
         join (select id, org, 'user' as kind from usr union all select id, org, 'group' from grp) s
           on s.id = g.subject_id and s.kind = g.subject_kind
         left join roles r on r.id = g.role
         where g.org = ${org} and s.org <> ${org}`,
        users: sql<{ readonly id: string; readonly org: string; readonly status: AccountStatus }>`${subjects}
         select id, org, status from usr order by id`,
        groups: sql<{
          readonly id: string;
          readonly org: string;
        }>`${subjects} select id, org from grp order by id`,
        members: sql<{ readonly group_id: string; readonly user_id: string }>`${subjects}
         select group_id, user_id from mem order by group_id, user_id`,
        roles: sql<RoleRow>`select r.id, r.product, r.name, r.description, r.org, r.instance,
                coalesce(array_agg(p.action) filter (where p.action is not null), '{}') as permissions
         from roles r left join role_permissions p on p.role = r.id
         where r.type = 'custom' and (r.org = ${org} or r.id in (select role from grants where org = ${org}))
         group by r.id order by r.id`,
        grants: sql<Parameters<typeof grantFromRow>[0]>`
         select ${sql.unsafe(grantColumns)} from grants where org = ${org} order by id`,
      },
      { concurrency: 1 },
    );
    const read = yield* Effect.orDie(
      sql.withTransaction(Effect.andThen(sql`set transaction isolation level repeatable read`, load)),
    );
    const used = new Set(read.used.map((u) => `${u.org}\u0000${u.product}`));
    const rows: Array<SnapshotRow> = [];
    for (const o of read.orgs)
      rows.push({
        type: "org",
        id: o.id,
        kind: o.kind,
        products: o.id === org ? o.products : o.products.filter((p) => used.has(`${o.id}\u0000${p}`)),
      });
    for (const u of read.users)
      rows.push({ type: "user", id: u.id, org: u.org, deactivated: countsForNothing(u.status) });
    for (const g of read.groups) rows.push({ type: "group", id: g.id, org: g.org });
    for (const m of read.members) rows.push({ type: "member", group: m.group_id, user: m.user_id });
    for (const role of read.roles) rows.push(roleRow(role));
    for (const g of read.grants) rows.push({ type: "grant", grant: grantChange(grantFromRow(g)) });
    const newest = read.audit.map((row) => row.id).reverse();
    const snapshot: OrgSnapshot = { rows, position: newest.at(-1) ?? "0", newest };
    return snapshot;
  });

export interface OrgSnapshotsShape {
  /** `org`'s snapshot rows and the audit position they are consistent with. */
  readonly load: (org: string) => Effect.Effect<OrgSnapshot>;
  /** The other organizations' subjects `org`'s snapshot holds, and their organizations. */
  readonly partners: (org: string) => Effect.Effect<Partners>;
}

export class OrgSnapshots extends Context.Service<OrgSnapshots, OrgSnapshotsShape>()(
  "@gatehouse/store/OrgSnapshots",
) {
  static readonly layer = Layer.effect(
    OrgSnapshots,
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient;
      return { load: loadOrgSnapshot(sql), partners: partnersOf(sql) } satisfies OrgSnapshotsShape;
    }),
  );
}

// The rows the engine is built from: every row, or a partition's — its organizations' grants, users and groups, the
// subjects of other organizations holding grants in them (partner users and groups) with their groups' members.
import type { AccountStatus } from "@gatehouse/domain";
import { Effect } from "effect";
import type { SqlClient, SqlError } from "effect/sql";
import { grantColumns, type grantFromRow } from "./grants.ts";
import { holds, type Partition } from "./partition.ts";
import type { RoleRow } from "./snapshot-rows.ts";

interface OrgRow {
  readonly id: string;
  readonly kind: "customer" | "partner";
  readonly products: ReadonlyArray<string>;
}
interface UserRow {
  readonly id: string;
  readonly org: string;
  readonly status: AccountStatus;
}
interface GroupRow {
  readonly id: string;
  readonly org: string;
}
interface MemberRow {
  readonly group_id: string;
  readonly user_id: string;
}
type GrantRow = Parameters<typeof grantFromRow>[0];

/** What loadEngine indexes. */
export interface EngineRows {
  readonly orgs: ReadonlyArray<OrgRow>;
  readonly users: ReadonlyArray<UserRow>;
  readonly groups: ReadonlyArray<GroupRow>;
  readonly members: ReadonlyArray<MemberRow>;
  readonly roles: ReadonlyArray<RoleRow>;
  readonly grants: ReadonlyArray<GrantRow>;
}

const orgsQuery = (sql: SqlClient.SqlClient) =>
  sql<OrgRow>`select o.id, o.kind,
                coalesce(array_agg(p.product) filter (where p.enabled), '{}') as products
         from organizations o left join organization_products p on p.org = o.id group by o.id`;

const rolesQuery = (sql: SqlClient.SqlClient) =>
  sql<RoleRow>`select r.id, r.product, r.name, r.description, r.org, r.instance,
                coalesce(array_agg(p.action) filter (where p.action is not null), '{}') as permissions
         from roles r left join role_permissions p on p.role = r.id
         where r.type = 'custom' group by r.id`;

const everyRow = (sql: SqlClient.SqlClient) =>
  Effect.all(
    {
      orgs: orgsQuery(sql),
      users: sql<UserRow>`select id, org, status from users`,
      groups: sql<GroupRow>`select id, org from groups`,
      members: sql<MemberRow>`select group_id, user_id from group_members`,
      roles: rolesQuery(sql),
      grants: sql<GrantRow>`select ${sql.unsafe(grantColumns)} from grants`,
    },
    { concurrency: 1 },
  );

/**
 * A partition's rows. Its grants are those placed in its organizations; its groups, its own and those holding
 * such grants; its users, its own, those holding such grants and the members of its groups; the organizations
 * and custom roles those subjects and grants name. Nothing else reaches a decision about its organizations.
 */
const partitionRows = (sql: SqlClient.SqlClient, partition: Partition) =>
  Effect.gen(function* () {
    const allOrgs = yield* orgsQuery(sql);
    const held = allOrgs.filter((org) => holds(partition, org.id)).map((org) => org.id);
    if (held.length === 0)
      return { orgs: [], users: [], groups: [], members: [], roles: [], grants: [] } satisfies EngineRows;
    const grantsHere = sql`select subject_kind, subject_id from grants where org in ${sql.in(held)}`;
    const groupsHere = sql`select id from groups where org in ${sql.in(held)}
      union select subject_id from (${grantsHere}) g where subject_kind = 'group'`;
    const { grants, groups, members, users, roles } = yield* Effect.all(
      {
        grants: sql<GrantRow>`select ${sql.unsafe(grantColumns)} from grants where org in ${sql.in(held)}`,
        groups: sql<GroupRow>`select id, org from groups where id in (${groupsHere})`,
        members: sql<MemberRow>`select group_id, user_id from group_members where group_id in (${groupsHere})`,
        users: sql<UserRow>`select id, org, status from users where org in ${sql.in(held)}
          or id in (select subject_id from (${grantsHere}) g where subject_kind = 'user')
          or id in (select user_id from group_members where group_id in (${groupsHere}))`,
        roles: rolesQuery(sql),
      },
      { concurrency: 1 },
    );
    const named = new Set([...held, ...users.map((u) => u.org), ...groups.map((g) => g.org)]);
    return {
      orgs: allOrgs.filter((org) => named.has(org.id)),
      users,
      groups,
      members,
      roles: roles.filter((role) => role.org === null || named.has(role.org)),
      grants,
    } satisfies EngineRows;
  });

/** The rows of `partition` (every row for every organization), read with `sql`. */
export const engineRows = (
  sql: SqlClient.SqlClient,
  partition: Partition,
): Effect.Effect<EngineRows, SqlError.SqlError> =>
  partition.kind === "all" ? everyRow(sql) : partitionRows(sql, partition);

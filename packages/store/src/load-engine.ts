// Builds a fresh decision engine from the database: organizations and their products, users (deactivated or not), groups and
// members, custom roles, then grants, all inside one `snapshot.batch` so each subject is indexed once (domain's loadRow);
// and the newest audit ids it holds.
import { Engine, loadRow, type SnapshotRow } from "@gatehouse/domain";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { grantChange, grantColumns, grantFromRow } from "./grants.ts";
import { type RoleRow, roleRow } from "./snapshot-rows.ts";

/** A loaded engine and the newest `positions` committed audit ids in its snapshot (ascending). */
export interface LoadedEngine {
  readonly engine: Engine;
  readonly newest: ReadonlyArray<string>;
}

/**
 * Reads everything the engine decides on and returns a new Engine holding it, with the newest `positions` audit ids
 * committed in the same snapshot: the changes that engine holds (EngineSync's consistency tokens).
 */
export const loadEngineAt = Effect.fn("Store.loadEngineAt")(function* (positions: number) {
  const sql = yield* SqlClient.SqlClient;
  const load = Effect.all(
    {
      audit: sql<{ readonly id: string }>`
        select id::text as id from audit_log order by id desc limit ${positions}`,
      orgs: sql<{
        readonly id: string;
        readonly kind: "customer" | "partner";
        readonly products: ReadonlyArray<string>;
      }>`select o.id, o.kind,
                coalesce(array_agg(p.product) filter (where p.enabled), '{}') as products
         from organizations o left join organization_products p on p.org = o.id group by o.id`,
      users: sql<{ readonly id: string; readonly org: string; readonly status: string }>`
        select id, org, status from users`,
      groups: sql<{ readonly id: string; readonly org: string }>`select id, org from groups`,
      members: sql<{ readonly group_id: string; readonly user_id: string }>`
        select group_id, user_id from group_members`,
      roles: sql<RoleRow>`select r.id, r.product, r.name, r.description, r.org, r.instance,
                coalesce(array_agg(p.action) filter (where p.action is not null), '{}') as permissions
         from roles r left join role_permissions p on p.role = r.id
         where r.type = 'custom' group by r.id`,
      grants: sql<Parameters<typeof grantFromRow>[0]>`select ${sql.unsafe(grantColumns)} from grants`,
    },
    { concurrency: 1 },
  );
  // One repeatable-read transaction: every query sees the same committed state, so references resolve.
  const rows = yield* Effect.orDie(
    sql.withTransaction(Effect.andThen(sql`set transaction isolation level repeatable read`, load)),
  );
  const engine = new Engine();
  const snapshot = engine.snapshot;
  const add = (row: SnapshotRow) => loadRow(snapshot, row);
  snapshot.batch(() => {
    for (const org of rows.orgs) add({ type: "org", id: org.id, kind: org.kind, products: org.products });
    for (const user of rows.users)
      add({ type: "user", id: user.id, org: user.org, deactivated: user.status === "deactivated" });
    for (const group of rows.groups) add({ type: "group", id: group.id, org: group.org });
    for (const m of rows.members) add({ type: "member", group: m.group_id, user: m.user_id });
    for (const role of rows.roles) add(roleRow(role));
    for (const row of rows.grants) add({ type: "grant", grant: grantChange(grantFromRow(row)) });
  });
  return { engine, newest: rows.audit.map((row) => row.id).reverse() } satisfies LoadedEngine;
});

/** Reads everything the engine decides on and returns a new Engine holding it. */
export const loadEngine = () => Effect.map(loadEngineAt(0), (loaded) => loaded.engine);

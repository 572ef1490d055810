// Builds a fresh decision engine from the database: organizations and their products, users (counting or not), groups and
// members, custom roles, then grants, all inside one `snapshot.batch` so each subject is indexed once (domain's loadRow);
// and the newest audit ids it holds.
import { countsForNothing, Engine, loadRow, type SnapshotRow } from "@gatehouse/domain";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { grantChange, grantFromRow } from "./grants.ts";
import { everyOrganization, type Partition } from "./partition.ts";
import { engineRows } from "./partition-rows.ts";
import { roleRow } from "./snapshot-rows.ts";

/** A loaded engine and the newest `positions` committed audit ids in its snapshot (ascending). */
export interface LoadedEngine {
  readonly engine: Engine;
  readonly newest: ReadonlyArray<string>;
}

/**
 * Reads everything the engine decides on and returns a new Engine holding it, with the newest `positions` audit ids
 * committed in the same snapshot: the changes that engine holds (EngineSync's consistency tokens). With a
 * `partition`, only what its organizations' decisions read (partition-rows.ts).
 */
export const loadEngineAt = Effect.fn("Store.loadEngineAt")(function* (
  positions: number,
  partition: Partition = everyOrganization,
) {
  const sql = yield* SqlClient.SqlClient;
  const load = Effect.all(
    {
      audit: sql<{ readonly id: string }>`
        select id::text as id from audit_log order by audit_log.id desc limit ${positions}`,
      rows: engineRows(sql, partition),
    },
    { concurrency: 1 },
  );
  // One repeatable-read transaction: every query sees the same committed state, so references resolve.
  const { audit, rows } = yield* Effect.orDie(
    sql.withTransaction(Effect.andThen(sql`set transaction isolation level repeatable read`, load)),
  );
  const engine = new Engine();
  const snapshot = engine.snapshot;
  const add = (row: SnapshotRow) => loadRow(snapshot, row);
  snapshot.batch(() => {
    for (const org of rows.orgs) add({ type: "org", id: org.id, kind: org.kind, products: org.products });
    for (const user of rows.users)
      add({ type: "user", id: user.id, org: user.org, deactivated: countsForNothing(user.status) });
    for (const group of rows.groups) add({ type: "group", id: group.id, org: group.org });
    for (const m of rows.members) add({ type: "member", group: m.group_id, user: m.user_id });
    for (const role of rows.roles) add(roleRow(role));
    for (const row of rows.grants) add({ type: "grant", grant: grantChange(grantFromRow(row)) });
  });
  return { engine, newest: audit.map((row) => row.id).reverse() } satisfies LoadedEngine;
});

/** Reads everything the engine decides on (a `partition`'s part of it) and returns a new Engine holding it. */
export const loadEngine = (partition: Partition = everyOrganization) =>
  Effect.map(loadEngineAt(0, partition), (loaded) => loaded.engine);

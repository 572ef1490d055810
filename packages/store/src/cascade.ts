// What deleting a node of the resource tree takes with it, as changes: the grants at or below it and,
// for an instance, the custom roles created there. Read before the delete, announced after it.
import { Effect } from "effect";
import type { SqlClient, SqlError } from "effect/sql";
import type { Change } from "./changes.ts";

export type TreeLevel = "instance" | "project" | "environment" | "flag";

export const cascadeChanges = (
  sql: SqlClient.SqlClient,
  level: TreeLevel,
  id: string,
): Effect.Effect<ReadonlyArray<Change>, SqlError.SqlError> =>
  Effect.gen(function* () {
    const roles =
      level === "instance"
        ? yield* sql<{ readonly id: string }>`select id from roles where instance = ${id}`
        : [];
    const grants = yield* sql<{ readonly id: string }>`select id from grants where ${sql(level)} = ${id}`;
    return [
      ...grants.map((g): Change => ({ type: "grant.removed", grant: g.id })),
      ...roles.map((r): Change => ({ type: "role.removed", role: r.id })),
    ];
  });

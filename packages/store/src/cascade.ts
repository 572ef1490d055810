// What deleting a node of the resource tree takes with it: the grants at or below it and, for an instance,
// the custom roles created there (as changes, read before the delete), and the pending invitations left empty.
import { Effect } from "effect";
import type { SqlClient, SqlError } from "effect/sql";
import type { Change } from "./changes.ts";
import { movable } from "./invitation-status.ts";

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

/**
 * Revokes the open invitations whose every grant lies at or below the node (the machine's "orphan": their grants,
 * made up front, go with the node, so accepting would give nothing). Invitations with a grant elsewhere stay.
 * Returns the revoked invitations' ids.
 */
export const revokeInvitationsWithin = (
  sql: SqlClient.SqlClient,
  level: TreeLevel,
  id: string,
): Effect.Effect<ReadonlyArray<string>, SqlError.SqlError> =>
  Effect.map(
    sql<{ readonly id: string }>`
      update invitations set status = 'revoked', revoked_at = now(), version = version + 1, updated_at = now()
      where ${movable(sql, "orphan")} and jsonb_array_length(grants) > 0
        and not exists (select 1 from jsonb_array_elements(grants) g
                        where (g -> 'scope' ->> ${level}::text) is distinct from ${id})
      returning id`,
    (rows) => rows.map((row) => row.id),
  );

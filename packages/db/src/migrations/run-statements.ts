// Shared runner for the migration modules: executes one module's DDL statements in order.
// One statement per call, so the same text runs on PGlite and on PostgreSQL's extended protocol.
import { Effect } from "effect";
import { SqlClient, type SqlError } from "effect/sql";

/** Runs each statement with `sql.unsafe`, in order, stopping at the first failure. */
export const runStatements = (
  statements: ReadonlyArray<string>,
): Effect.Effect<void, SqlError.SqlError, SqlClient.SqlClient> =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    for (const statement of statements) yield* sql.unsafe(statement);
  });

// COMMIT that fails when PostgreSQL answers it with ROLLBACK, for both backends' SqlClients.
// A transaction whose statement failed (and was caught) is rolled back by COMMIT without an error otherwise.
import { Effect } from "effect";
import { type SqlConnection, SqlError } from "effect/sql";
import { UnknownError } from "effect/sql/SqlError";

const commandOf = (result: unknown): unknown =>
  typeof result === "object" && result !== null ? Reflect.get(result, "command") : undefined;

export const commitOrFail = (conn: SqlConnection.Connection): Effect.Effect<void, SqlError.SqlError> =>
  Effect.flatMap(conn.executeRaw("COMMIT", []), (result) =>
    commandOf(result) === "ROLLBACK"
      ? Effect.fail(
          new SqlError.SqlError({
            reason: new UnknownError({
              cause: new Error("COMMIT rolled back an aborted transaction"),
              message: "COMMIT rolled back an aborted transaction",
              operation: "commit",
            }),
          }),
        )
      : Effect.void,
  );

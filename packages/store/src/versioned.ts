// Optimistic concurrency for versioned rows: an update names the version it read, zero rows is a conflict.
// Used by every repository write that changes an existing role, custom role or grant (and other rows).
import { Effect } from "effect";
import { NotFound, VersionConflict } from "./errors.ts";

/** The single row of a read, or NotFound. */
export const found = <A>(kind: string, id: string, rows: ReadonlyArray<A>): Effect.Effect<A, NotFound> => {
  const row = rows[0];
  return row === undefined ? Effect.fail(new NotFound({ kind, id })) : Effect.succeed(row);
};

/** The single row an `… where id = $1 and version = $2 returning …` update touched, or VersionConflict. */
export const updated = <A>(
  kind: string,
  id: string,
  expected: number,
  rows: ReadonlyArray<A>,
): Effect.Effect<A, VersionConflict> => {
  const row = rows[0];
  return row === undefined ? Effect.fail(new VersionConflict({ kind, id, expected })) : Effect.succeed(row);
};

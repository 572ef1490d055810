// How repositories treat SqlErrors: constraint violations are the caller's mistakes, the rest defects.
// Keeps infrastructure failures out of the typed error channel, as the conventions ask.
import { Effect } from "effect";
import { SqlError } from "effect/sql";
import { AlreadyExists, InvalidChange } from "./errors.ts";

/**
 * Turns a unique violation into `AlreadyExists` (naming the constraint), another constraint violation (a
 * foreign key or CHECK) into `InvalidChange`, and any other SqlError into a defect.
 */
export const constraintsAs =
  (kind: string) =>
  <A, E, R>(
    self: Effect.Effect<A, E, R>,
  ): Effect.Effect<A, Exclude<E, SqlError.SqlError> | AlreadyExists | InvalidChange, R> =>
    Effect.catch(
      self,
      (error): Effect.Effect<never, Exclude<E, SqlError.SqlError> | AlreadyExists | InvalidChange> => {
        if (!SqlError.isSqlError(error)) return Effect.fail(error as Exclude<E, SqlError.SqlError>);
        if (error.reason._tag === "UniqueViolation")
          return Effect.fail(new AlreadyExists({ kind, constraint: error.reason.constraint }));
        if (error.reason._tag === "ConstraintError")
          return Effect.fail(
            new InvalidChange({ reason: `the ${kind} breaks a rule of the schema: ${error.message}` }),
          );
        return Effect.die(error);
      },
    );

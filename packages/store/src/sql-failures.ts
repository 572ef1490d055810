// How repositories treat SqlErrors: constraint violations are the caller's mistakes, the rest defects.
// Keeps infrastructure failures out of the typed error channel, as the conventions ask.
import { Effect } from "effect";
import { SqlError } from "effect/sql";
import { AlreadyExists, InvalidChange } from "./errors.ts";

/** A text field of the driver's error (PostgreSQL and PGlite both report `code` and `constraint`). */
const causeField = (error: SqlError.SqlError, field: "code" | "constraint"): string | undefined => {
  const cause: unknown = error.reason.cause;
  const value: unknown = typeof cause === "object" && cause !== null ? Reflect.get(cause, field) : undefined;
  return typeof value === "string" ? value : undefined;
};

/**
 * Why a change broke a constraint, in words and without the driver's text: a foreign key names what the row
 * refers to (`grants_role_fkey`: a role, e.g. one deleted by a concurrent request), a CHECK its constraint.
 */
const brokenRule = (kind: string, error: SqlError.SqlError): string => {
  const constraint = causeField(error, "constraint");
  const referenced = constraint?.match(/^[a-z]+_([a-z_]+)_fkey$/)?.[1]?.replaceAll("_", " ");
  if (causeField(error, "code") === "23503")
    return `the ${kind} refers to a missing ${referenced ?? "row"} (removed meanwhile, or never there)`;
  return `the ${kind} breaks a rule of the schema${constraint === undefined ? "" : ` (${constraint})`}`;
};

/**
 * Turns a unique violation into `AlreadyExists` (naming the constraint), another constraint violation (a
 * foreign key or CHECK) into `InvalidChange` saying which rule broke, and any other SqlError into a defect.
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
          return Effect.fail(new InvalidChange({ reason: brokenRule(kind, error) }));
        return Effect.die(error);
      },
    );

// Turns a PGlite failure into effect's SqlError, classified by the SQLSTATE PostgreSQL reported.
// Uses the same mapping as @effect/sql-pg, so both backends report a unique violation or a deadlock alike.
import {
  AuthenticationError,
  AuthorizationError,
  ConnectionError,
  ConstraintError,
  DeadlockError,
  LockTimeoutError,
  SerializationError,
  SqlError,
  type SqlErrorReason,
  SqlSyntaxError,
  StatementTimeoutError,
  UniqueViolation,
  UnknownError,
} from "effect/sql/SqlError";

const stringField = (cause: unknown, field: string): string | undefined => {
  if (typeof cause !== "object" || cause === null || !(field in cause)) return undefined;
  const value: unknown = Reflect.get(cause, field);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
};

/** The reason for a failure with the given SQLSTATE (`undefined` when the driver gave none). */
export const reasonFor = (
  code: string | undefined,
  constraint: string | undefined,
  props: { readonly cause: unknown; readonly message: string; readonly operation: string },
): SqlErrorReason => {
  if (code === undefined) return new UnknownError(props);
  if (code.startsWith("08")) return new ConnectionError(props);
  if (code.startsWith("28")) return new AuthenticationError(props);
  if (code === "42501") return new AuthorizationError(props);
  if (code.startsWith("42")) return new SqlSyntaxError(props);
  if (code === "23505") return new UniqueViolation({ ...props, constraint: constraint ?? "unknown" });
  if (code.startsWith("23")) return new ConstraintError(props);
  if (code === "40P01") return new DeadlockError(props);
  if (code === "40001") return new SerializationError(props);
  if (code === "55P03") return new LockTimeoutError(props);
  if (code === "57014") return new StatementTimeoutError(props);
  return new UnknownError(props);
};

/** Wraps a thrown driver error; the message carries the server's own text so logs say what went wrong. */
export const toSqlError = (cause: unknown, operation: string): SqlError => {
  const detail = stringField(cause, "message") ?? String(cause);
  return new SqlError({
    reason: reasonFor(stringField(cause, "code"), stringField(cause, "constraint"), {
      cause,
      message: `PGlite: ${detail}`,
      operation,
    }),
  });
};

// Domain errors mapped to tRPC error codes, in one place: bad vocabulary is the caller's mistake
// (BAD_REQUEST, with the engine's message), and so is a value the database refuses; anything else stays internal.
import {
  CustomRoleRejected,
  ImpossibleGrant,
  InvalidMembership,
  InvalidScope,
  RoleDefinitionRejected,
  UnknownAction,
  UnknownRole,
  UnknownSubject,
} from "@gatehouse/domain";
import { TRPCError } from "@trpc/server";
import { SqlError } from "effect/sql";

const badRequest = [
  UnknownAction,
  UnknownRole,
  UnknownSubject,
  InvalidScope,
  RoleDefinitionRejected,
  InvalidMembership,
  CustomRoleRejected,
  ImpossibleGrant,
];

/**
 * A PostgreSQL data exception (SQLSTATE class 22: a NUL character, a number or date out of range, text too
 * long): the input held a value the input schemas should have refused. The backstop behind them.
 */
const isDataException = (cause: unknown): boolean => {
  if (!SqlError.isSqlError(cause)) return false;
  const driverError: unknown = cause.reason.cause;
  return (
    typeof driverError === "object" &&
    driverError !== null &&
    "code" in driverError &&
    typeof driverError.code === "string" &&
    driverError.code.startsWith("22")
  );
};

/** The TRPCError a thrown value becomes. */
export const toTrpcError = (cause: unknown): TRPCError => {
  if (cause instanceof TRPCError) return cause;
  if (badRequest.some((E) => cause instanceof E))
    return new TRPCError({ code: "BAD_REQUEST", message: (cause as Error).message, cause });
  if (isDataException(cause))
    return new TRPCError({
      code: "BAD_REQUEST",
      message:
        "The input holds a value that cannot be stored (a NUL character, or a number or date out of range)",
      cause,
    });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error", cause });
};

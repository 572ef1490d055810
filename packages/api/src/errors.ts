// Domain errors mapped to tRPC error codes, in one place: bad vocabulary is the caller's mistake
// (BAD_REQUEST, with the engine's message), anything else stays an internal error.
import {
  InvalidMembership,
  InvalidScope,
  RoleDefinitionRejected,
  UnknownAction,
  UnknownRole,
  UnknownSubject,
} from "@gatehouse/domain";
import { TRPCError } from "@trpc/server";

const badRequest = [
  UnknownAction,
  UnknownRole,
  UnknownSubject,
  InvalidScope,
  RoleDefinitionRejected,
  InvalidMembership,
];

/** The TRPCError a thrown value becomes. */
export const toTrpcError = (cause: unknown): TRPCError => {
  if (cause instanceof TRPCError) return cause;
  if (badRequest.some((E) => cause instanceof E))
    return new TRPCError({ code: "BAD_REQUEST", message: (cause as Error).message, cause });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error", cause });
};

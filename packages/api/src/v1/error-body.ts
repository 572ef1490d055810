// The /v1 decision API's error answer: `{ "error": { "code", "message" } }` as /events answers, with tRPC's code
// names and HTTP statuses and its words (a bad input names the field; an internal error only its request id).

import { issuesMessage, issuesOf } from "@gatehouse/contracts";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { Schema } from "effect";
import { toTrpcError } from "../errors.ts";
import { NotServedHere } from "../refusals.ts";

/** The error body's schema, for the OpenAPI document. */
export const ErrorBody = Schema.Struct({
  error: Schema.Struct({
    code: Schema.String.annotate({
      description:
        "tRPC's name for the refusal: BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, " +
        "PRECONDITION_FAILED, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS or INTERNAL_SERVER_ERROR",
    }),
    message: Schema.String.annotate({
      description:
        "What went wrong in words a person reads; a bad input names the field (`checks.1.action: …`)",
    }),
  }),
});

/** An error body: `{ error: { code, message } }`. */
export const errorBody = (code: string, message: string): typeof ErrorBody.Type => ({
  error: { code, message },
});

/**
 * The status and body a thrown value answers: a refusal (TRPCError) or a domain error (errors.ts) by its code;
 * anything else is an internal error, logged here under the request id and told only as that.
 */
export const errorAnswer = (
  cause: unknown,
  requestId: string,
  path: string,
): { readonly status: number; readonly body: typeof ErrorBody.Type } => {
  const error = toTrpcError(cause);
  // A question about an organization this node does not hold: 421 Misdirected Request, as tRPC's answer.
  const status = error.cause instanceof NotServedHere ? 421 : getHTTPStatusCodeFromError(error);
  if (error.code === "INTERNAL_SERVER_ERROR") {
    console.error(`[${requestId}] ${path} failed:`, error.cause ?? error);
    return { status, body: errorBody(error.code, `Internal error (request ${requestId})`) };
  }
  const issues = error.code === "BAD_REQUEST" ? issuesOf(error.cause) : undefined;
  return {
    status,
    body: errorBody(error.code, issues === undefined ? error.message : issuesMessage(issues)),
  };
};

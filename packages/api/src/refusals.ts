// The refusals procedures throw, one constructor per tRPC code, and the one wording of a missing object: another
// organization's object is refused in exactly the words a made-up id gets (the store's NotFound), so neither is told.
import { NotFound } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";

/**
 * The words a made-up `kind` id gets (`No <kind> "<id>"`, the store's NotFound message): a declaration's
 * `missing` and every NOT_FOUND about an object the caller may not reach use them.
 */
export const missing = (kind: string, id: string): string => new NotFound({ kind, id }).message;

/** NOT_FOUND for the `kind` `id`, in the made-up id's words. */
export const notFound = (kind: string, id: string): TRPCError =>
  new TRPCError({ code: "NOT_FOUND", message: missing(kind, id) });

/** NOT_FOUND in words already made: a declaration's `missing`, or about no stored object (a system role). */
export const nothing = (message: string): TRPCError => new TRPCError({ code: "NOT_FOUND", message });

/** What an actor-less request is told: the same with no session and with a session whose account is gone. */
export const SIGN_IN = "Sign in or send an API key";

/** No actor: sign in first. */
export const unauthorized = (): TRPCError => new TRPCError({ code: "UNAUTHORIZED", message: SIGN_IN });

/** The input names a problem the caller can fix. */
export const badRequest = (message: string): TRPCError => new TRPCError({ code: "BAD_REQUEST", message });

/** A body in another media type than the endpoint reads (`type` names it, e.g. `application/json`). */
export const unsupportedMediaType = (type: string): TRPCError =>
  new TRPCError({
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: `Send the body as ${type} (with that content-type)`,
  });

/** The caller may not do this. */
export const forbidden = (message: string): TRPCError => new TRPCError({ code: "FORBIDDEN", message });

/** The stored state clashes with the request (stale version, already taken); `cause` is kept for logs. */
export const conflict = (message: string, cause?: unknown): TRPCError =>
  new TRPCError({ code: "CONFLICT", message, cause });

/**
 * The organization lies outside the partition this node holds (GATEHOUSE_ORGS, GATEHOUSE_PARTITION): decided by
 * the id alone, so an existing organization and a made-up one get these same words. HTTP 421 (app.ts).
 */
export const misdirected = (org: string): TRPCError =>
  new TRPCError({
    code: "PRECONDITION_FAILED",
    message: `This node does not serve organization "${org}": send requests about it to the node holding its partition`,
    cause: new NotServedHere(org),
  });

/** The cause of a `misdirected` refusal, which the HTTP layer answers 421 Misdirected Request. */
export class NotServedHere extends Error {
  constructor(readonly org: string) {
    super(`Organization "${org}" is not served by this node`);
  }
}

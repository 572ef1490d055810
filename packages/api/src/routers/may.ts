// "May I call this?": runs a mutation's own authorization (its declaration, boundary and engine questions) for an
// input without its handler, so a button asks exactly the question the server asks when it is pressed.
import { Id } from "@gatehouse/contracts";
import { atLeast } from "@gatehouse/contracts/check-inputs";
import type { TRPCError } from "@trpc/server";
import { Schema } from "effect";
import { authorizationOf } from "../authorization.ts";
import { authorizedQuery } from "../authorize.ts";
import { toTrpcError } from "../errors.ts";
import { badRequest } from "../refusals.ts";

/** The call, and optionally `atLeast` a consistency token: answered by an engine that applied that change. */
const MayInput = Schema.Struct({ procedure: Id, input: Schema.Unknown, atLeast });

/** The app router's procedures by path. */
export type Procedures = Record<string, { readonly _def: { readonly meta?: unknown } }>;

/** What the call would answer: allowed, or the refusal's code and words (FORBIDDEN, NOT_FOUND, CONFLICT, …). */
export type MayAnswer =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: TRPCError["code"]; readonly reason: string };

/**
 * `may({ procedure, input })` over the router's procedures (read when asked, as the app router includes this one).
 * Open to any actor: it tells nothing the call itself would not (the same boundary, the same refusal), and it
 * writes nothing. A path that is no mutation is BAD_REQUEST.
 */
export const mayProcedure = (procedures: () => Procedures) =>
  authorizedQuery(MayInput, () => ({})).query(async ({ ctx, input }): Promise<MayAnswer> => {
    const found = Object.hasOwn(procedures(), input.procedure) ? procedures()[input.procedure] : undefined;
    const rehearse = found === undefined ? undefined : authorizationOf(found)?.rehearse;
    if (rehearse === undefined) throw badRequest(`procedure: "${input.procedure}" is no mutation`);
    try {
      await rehearse(input.input, ctx);
      return { allowed: true };
    } catch (cause) {
      const refusal = toTrpcError(cause);
      if (refusal.code === "INTERNAL_SERVER_ERROR") throw refusal;
      return { allowed: false, code: refusal.code, reason: refusal.message };
    }
  });

// How a procedure is authorized, as the builder that made it tagged it (tRPC meta): what the router-tree test and
// the isolation sweep read to know that every procedure declared its authorization, and which kind it declared.
import type { Engine } from "@gatehouse/domain";
import type { Partition } from "@gatehouse/store";
import type { RequestAuth } from "./auth/request-auth.ts";
import type { Actor } from "./context.ts";

/**
 * - `public`: open to everyone (the reason says why: the public vocabulary, signing in, accepting a token).
 * - `self`: about the request's own actor or session only (auth.me, auth.logout).
 * - `query`: authorizedQuery: engine questions and the organization boundary, decided before the handler.
 * - `mutation`: authorizedMutation: signed-in users only, engine questions before one audited write.
 * - `operator`: the platform operator only (provisioning, support tickets): it is no subject of the engine.
 */
export type AuthorizationKind = "public" | "self" | "query" | "mutation" | "operator";

export interface Authorization {
  readonly kind: AuthorizationKind;
  /** Why a public, self or operator procedure needs no engine question. */
  readonly reason?: string;
  /**
   * A mutation's authorization run without its handler (the `may` query): decodes `input` with the procedure's
   * schema, enforces its boundary and asks its questions; throws the refusal the call itself would get.
   */
  readonly rehearse?: (input: unknown, ctx: RehearsalContext) => Promise<void>;
}

/** What rehearsing a procedure's authorization reads: the request's engine, actor and sign-in state. */
export interface RehearsalContext {
  readonly engine: Engine;
  readonly actor: Actor | undefined;
  readonly auth?: RequestAuth | undefined;
  readonly partition?: Partition | undefined;
}

/** The authorization a procedure was built with, or undefined when no declaring builder made it. */
export const authorizationOf = (procedure: {
  readonly _def: { readonly meta?: unknown };
}): Authorization | undefined => {
  const meta = procedure._def.meta as { readonly authorization?: Authorization } | undefined;
  return meta?.authorization;
};

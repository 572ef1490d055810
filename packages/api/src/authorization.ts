// How a procedure is authorized, as the builder that made it tagged it (tRPC meta): what the router-tree test and
// the isolation sweep read to know that every procedure declared its authorization, and which kind it declared.

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
}

/** The authorization a procedure was built with, or undefined when no declaring builder made it. */
export const authorizationOf = (procedure: {
  readonly _def: { readonly meta?: unknown };
}): Authorization | undefined => {
  const meta = procedure._def.meta as { readonly authorization?: Authorization } | undefined;
  return meta?.authorization;
};

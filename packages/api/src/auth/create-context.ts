// The sign-in part of every tRPC context and /v1 request: resolves the actor (API key or session cookie) and, for
// a cookie-authenticated request that is not a GET, requires the CSRF header before any procedure runs.
import { TRPCError } from "@trpc/server";
import type { FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { Actor } from "../context.ts";
import { csrfCookie, csrfHeader, sessionCookie } from "./policy.ts";
import { clientInfo } from "./request.ts";
import { type CookieHeaders, RequestAuth } from "./request-auth.ts";
import { type Resolved, resolveActorWith } from "./resolve-actor.ts";
import type { StoreRunner } from "./store-runner.ts";
import { matchesHash } from "./tokens.ts";

export interface AuthConfig {
  /** Runs store Effects; without one, no request has an actor and sign-in answers that it is not configured. */
  readonly store: StoreRunner | undefined;
  /** Trust x-forwarded-for and x-forwarded-proto (TRUST_PROXY=1): only behind a proxy that sets them. */
  readonly trustProxy: boolean;
}

const readOnly = new Set(["GET", "HEAD"]);

const csrfRefusal = () =>
  new TRPCError({
    code: "FORBIDDEN",
    message: `Missing or wrong ${csrfHeader} header: a request signed in by cookie must send the CSRF token it got at sign-in (also in the ${csrfCookie} cookie)`,
  });

/** Reads the request's client when asked (curried: a function named where it is made costs a `name` definition under tsx). */
const clientReader = (c: Context, trustProxy: boolean) => () => clientInfo(c, trustProxy);

/** What sign-in gives a request: its actor (none when it presented no valid credentials) and its sign-in state. */
export interface SignedIn {
  readonly actor: Actor | undefined;
  readonly auth?: RequestAuth;
}

/** The request, and the headers sign-in sets cookies on (none outside tRPC). */
interface AuthOpts {
  readonly req: FetchCreateContextFnOptions["req"];
  readonly resHeaders: CookieHeaders | undefined;
}

/** The request's sign-in state once its credentials resolved; throws FORBIDDEN on a failed CSRF check. */
const signedIn = (
  config: AuthConfig,
  store: StoreRunner,
  opts: AuthOpts,
  c: Context,
  resolved: Resolved,
): SignedIn => {
  if (resolved.session !== undefined && !readOnly.has(opts.req.method)) {
    const presented = c.req.header(csrfHeader);
    if (presented === undefined || !matchesHash(presented, resolved.session.csrfHash)) throw csrfRefusal();
  }
  const auth = new RequestAuth(
    store,
    clientReader(c, config.trustProxy),
    resolved.session?.idHash,
    opts.resHeaders,
  );
  return { actor: resolved.actor, auth };
};

/**
 * The actor and the request's sign-in state; throws FORBIDDEN (nothing runs) on a failed CSRF check. `opts` is
 * tRPC's (the request and the headers sign-in sets cookies on), or the same two from a /v1 route. A promise only
 * where the store was asked (a cached API key answers at once: no microtask between sign-in and the answer).
 */
export const authContext = (config: AuthConfig, opts: AuthOpts, c: Context): SignedIn | Promise<SignedIn> => {
  const store = config.store;
  if (store === undefined) return { actor: undefined };
  const resolved = resolveActorWith(store, {
    authorization: c.req.header("authorization"),
    sessionToken: getCookie(c, sessionCookie),
  });
  return resolved instanceof Promise
    ? resolved.then((r) => signedIn(config, store, opts, c, r))
    : signedIn(config, store, opts, c, resolved);
};

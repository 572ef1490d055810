// Who a request acts as: an `Authorization: Bearer gh_…` API key, else the session cookie, else nobody.
// Malformed, unknown, expired or revoked credentials simply give no actor; nothing about them leaks.
import { ApiKeys, Sessions } from "@gatehouse/store";
import { Effect } from "effect";
import type { Actor } from "../context.ts";
import { sessionIdleSeconds } from "./policy.ts";
import { hashToken } from "./tokens.ts";

/** The credentials a request carries. */
export interface Presented {
  readonly authorization: string | undefined;
  readonly sessionToken: string | undefined;
}

/** The actor, and the cookie session it came from (which logout ends and CSRF checks read). */
export interface Resolved {
  readonly actor: Actor | undefined;
  readonly session: { readonly idHash: string; readonly csrfHash: string } | undefined;
}

const token = /^[A-Za-z0-9_-]{43}$/;
const bearerKey = /^Bearer\s+(gh_[A-Za-z0-9_-]{43})$/i;
const nobody: Resolved = { actor: undefined, session: undefined };

export const resolveActor = Effect.fn("Auth.resolveActor")(function* (presented: Presented) {
  // A bearer header decides alone: a request carrying one is never cookie-authenticated.
  if (presented.authorization?.toLowerCase().startsWith("bearer") === true) {
    const key = bearerKey.exec(presented.authorization.trim())?.[1];
    if (key === undefined) return nobody;
    const found = yield* (yield* ApiKeys).resolve(hashToken(key));
    return found === undefined
      ? nobody
      : ({ actor: { kind: "api-key", id: found.id, org: found.org }, session: undefined } satisfies Resolved);
  }
  const cookie = presented.sessionToken;
  if (cookie === undefined || !token.test(cookie)) return nobody;
  const idHash = hashToken(cookie);
  const session = yield* (yield* Sessions).resolve(idHash, sessionIdleSeconds);
  if (session === undefined) return nobody;
  return { actor: session.holder, session: { idHash, csrfHash: session.csrfHash } } satisfies Resolved;
});

// Who a request acts as: an `Authorization: Bearer gh_…` API key, else the session cookie, else nobody.
// Malformed, unknown, expired or revoked credentials simply give no actor; API keys are cached (api-key-cache.ts).
import { ApiKeys, Sessions } from "@gatehouse/store";
import { Cause, Effect } from "effect";
import type { Actor } from "../context.ts";
import { type ApiKeyCache, apiKeyCacheOf, type ResolvedKey } from "./api-key-cache.ts";
import { sessionIdleSeconds } from "./policy.ts";
import { runWith, type StoreRunner } from "./store-runner.ts";
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

/** A bearer header's API key: `undefined` without a bearer header, `{ key: undefined }` for a malformed one. */
const bearerOf = (authorization: string | undefined): { readonly key: string | undefined } | undefined =>
  authorization?.toLowerCase().startsWith("bearer") === true
    ? { key: bearerKey.exec(authorization.trim())?.[1] }
    : undefined;

const keyActor = (key: ResolvedKey): Resolved => ({
  actor: { kind: "api-key", id: key.id, org: key.org },
  session: undefined,
});

/** The hash of the API key a bearer header presents, if it presents one well formed. */
export const presentedKeyHash = (presented: Presented): string | undefined => {
  const key = bearerOf(presented.authorization)?.key;
  return key === undefined ? undefined : hashToken(key);
};

/** Records a key's use; a failure is only logged (the request never waits for this write). */
const recordUse = (id: string) =>
  Effect.gen(function* () {
    yield* (yield* ApiKeys).markUsed(id);
  }).pipe(
    Effect.catchCause((cause) =>
      Effect.logWarning(`Could not record the use of API key ${id}`, Cause.pretty(cause)),
    ),
  );

/** The unrevoked key `keyHash` names: from this process's cache, else from the database (then cached). */
const resolveKey = Effect.fn("Auth.resolveKey")(function* (keyHash: string) {
  const cache = apiKeyCacheOf(yield* ApiKeys);
  const cached = cache.get(keyHash);
  if (cached !== undefined) {
    if (cached.markUsed) yield* Effect.forkDetach(recordUse(cached.key.id));
    return cached.key;
  }
  const lookup = cache.startLookup();
  const found: ResolvedKey | undefined = yield* (yield* ApiKeys).resolve(keyHash);
  if (found === undefined) return undefined;
  cache.remember(keyHash, found, lookup);
  yield* Effect.forkDetach(recordUse(found.id));
  return found;
});

export const resolveActor = Effect.fn("Auth.resolveActor")(function* (presented: Presented) {
  // A bearer header decides alone: a request carrying one is never cookie-authenticated.
  const bearer = bearerOf(presented.authorization);
  if (bearer !== undefined) {
    if (bearer.key === undefined) return nobody;
    const found = yield* resolveKey(hashToken(bearer.key));
    return found === undefined ? nobody : keyActor(found);
  }
  const cookie = presented.sessionToken;
  if (cookie === undefined || !token.test(cookie)) return nobody;
  const idHash = hashToken(cookie);
  const session = yield* (yield* Sessions).resolve(idHash, sessionIdleSeconds);
  if (session === undefined) return nobody;
  return { actor: session.holder, session: { idHash, csrfHash: session.csrfHash } } satisfies Resolved;
});

/** The cache each runner's store resolves API keys through, learned on the runner's first resolution. */
const runnerCaches = new WeakMap<StoreRunner, ApiKeyCache>();

/**
 * `resolveActor` through `runner`, except that a key already in the cache is answered without entering
 * the Effect runtime at all, and without a promise: a hot key costs a hash and a Map lookup (running an Effect
 * per request cost some 40 µs of CPU, 13.5% of a single check's server time; see docs/benchmarks.md).
 */
export const resolveActorWith = (runner: StoreRunner, presented: Presented): Resolved | Promise<Resolved> => {
  const key = bearerOf(presented.authorization)?.key;
  const cached = key === undefined ? undefined : runnerCaches.get(runner)?.get(hashToken(key));
  if (cached === undefined)
    return runWith(
      runner,
      Effect.gen(function* () {
        runnerCaches.set(runner, apiKeyCacheOf(yield* ApiKeys));
        return yield* resolveActor(presented);
      }),
    );
  if (cached.markUsed) void runner.runPromiseExit(recordUse(cached.key.id));
  return keyActor(cached.key);
};

// An open stream's API key, watched through this process's key cache (api-key-cache.ts): its revocation, once this
// process hears of it, ends the stream at once, and each delivery first asks whether the cache still holds the key.
import { ApiKeys } from "@gatehouse/store";
import { Effect } from "effect";
import type { Actor } from "../context.ts";
import { apiKeyCacheOf } from "./api-key-cache.ts";
import { type Presented, presentedKeyHash } from "./resolve-actor.ts";

export interface KeyWatch {
  /** Completes once this process hears the key revoked; never for a session (its heartbeat re-checks it). */
  readonly revoked: Effect.Effect<void>;
  /**
   * Whether the cache still holds the key, a Map lookup: false once it was revoked, after the cache forgot every
   * key (revocations may have been missed) or once its entry expired; then resolve the credentials again.
   */
  readonly held: () => boolean;
}

const session: KeyWatch = { revoked: Effect.never, held: () => true };

/** Watches the key `presented` carries, which resolved to `actor` (nothing to watch for a session). */
export const watchKey = (presented: Presented, actor: Actor): Effect.Effect<KeyWatch, never, ApiKeys> =>
  Effect.gen(function* () {
    const hash = presentedKeyHash(presented);
    if (actor.kind !== "api-key" || hash === undefined) return session;
    const cache = apiKeyCacheOf(yield* ApiKeys);
    return {
      revoked: Effect.callback<void>((resume) =>
        Effect.sync(cache.watch(actor.id, () => resume(Effect.void))),
      ),
      held: () => cache.holds(hash),
    };
  });

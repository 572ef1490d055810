// An open stream's credentials, watched without a database round trip: an API key through this process's key cache
// (api-key-cache.ts), whose revocation ends the stream at once; a user's session through the engine's deactivation.
import type { Engine } from "@gatehouse/domain";
import { ApiKeys } from "@gatehouse/store";
import { Effect } from "effect";
import type { Actor } from "../context.ts";
import { apiKeyCacheOf } from "./api-key-cache.ts";
import { type Presented, presentedKeyHash } from "./resolve-actor.ts";

export interface KeyWatch {
  /** Completes once this process hears the key revoked; never for a session (its heartbeat re-checks it). */
  readonly revoked: Effect.Effect<void>;
  /**
   * Whether the credentials still hold by what this process knows, a Map lookup: for a key, the cache holds it
   * (false once revoked, after the cache forgot every key because revocations may have been missed, or once its
   * entry expired); for a user, the engine does not hold it deactivated. False: resolve the credentials again.
   */
  readonly held: () => boolean;
}

const always: KeyWatch = { revoked: Effect.never, held: () => true };

/** Watches the credentials `presented` carries, which resolved to `actor`; `engine` is the current engine. */
export const watchKey = (
  presented: Presented,
  actor: Actor,
  engine: () => Engine,
): Effect.Effect<KeyWatch, never, ApiKeys> =>
  Effect.gen(function* () {
    if (actor.kind === "user")
      return { revoked: Effect.never, held: () => !engine().isDeactivated(actor.id) };
    const hash = presentedKeyHash(presented);
    if (actor.kind !== "api-key" || hash === undefined) return always;
    const cache = apiKeyCacheOf(yield* ApiKeys);
    return {
      revoked: Effect.callback<void>((resume) =>
        Effect.sync(cache.watch(actor.id, () => resume(Effect.void))),
      ),
      held: () => cache.holds(hash),
    };
  });

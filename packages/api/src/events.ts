// GET /events: committed changes of the actor's organization (and a partner user's customers) as Server-Sent Events.
// Signed in like tRPC; a 15 s heartbeat re-checks the credentials, and a key's revocation or the user's deactivation
// ends its streams at once (auth/key-watch.ts). Each subscriber gets only what it may read (event-visibility.ts).
import type { Engine } from "@gatehouse/domain";
import {
  ChangeFeed,
  EngineSync,
  type EngineSyncShape,
  type FeedEvent,
  type Partition,
} from "@gatehouse/store";
import { Duration, Effect, Stream } from "effect";
import type { Env, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { streamSSE } from "hono/streaming";
import { watchKey } from "./auth/key-watch.ts";
import { sessionCookie } from "./auth/policy.ts";
import { resolveActor } from "./auth/resolve-actor.ts";
import { runWith, type StoreRunner } from "./auth/store-runner.ts";
import { servesOrg } from "./authorize.ts";
import { concerns, type VisibleEvent, visibleEvent } from "./event-visibility.ts";
import { followedAtStart, mayStartFollowing, startsFollowing, stopsFollowing } from "./followed-customers.ts";
import { misdirected, SIGN_IN } from "./refusals.ts";
import { beforeDelivery, heartbeat, runSession, tooManyStreams, untilSignedOut } from "./sse-session.ts";
import { defaultStreamLimits, type StreamLimits, streamQuota } from "./stream-quota.ts";
import { errorBody } from "./v1/error-body.ts";

export interface EventsOptions {
  /** Runs store Effects; without one every request is anonymous and answered 401. */
  readonly store: StoreRunner | undefined;
  /** The current engine, which judges what each subscriber may read. */
  readonly engine: () => Engine;
  /** How often the stream re-checks its credentials and sends a heartbeat (default 15 s). */
  readonly heartbeat?: Duration.Duration;
  /** How many streams may be open at once (default `defaultStreamLimits`). */
  readonly limits?: StreamLimits;
  /** The organizations this node holds: another's subscriber is answered 421 (its node streams its changes). */
  readonly partition?: Partition | undefined;
}

/**
 * How often an idle stream sends a comment, so proxies and clients keep the connection open; each time the
 * credentials are resolved again, so a session ended (logout, expiry, removal) or a key revoked stops the stream.
 */
export const heartbeatInterval = Duration.seconds(15);

/**
 * How long an event waits for this process's engine to apply its changes, so that it is judged after them (as
 * a procedure called once the mutation answered would be); past that it is judged with the engine as it is.
 */
const appliedWait = Duration.seconds(5);

/** How many events' shared waits are remembered (the newest; an event is judged within `appliedWait`). */
const rememberedWaits = 1024;

/**
 * What every stream of one app shares per event, so that the cost of an event grows with its subscribers only
 * by their own judgement and write: the wait for the engine (one timer per event, not one per stream) and the
 * event's text when a subscriber may read all of it.
 */
const sharedPerEvent = () => {
  const waits = new Map<string, Promise<void>>();
  const texts = new WeakMap<FeedEvent, string>();
  return {
    applied: (sync: EngineSyncShape, audit: string): Promise<void> => {
      let wait = waits.get(audit);
      if (wait === undefined) {
        wait = Effect.runPromise(Effect.asVoid(Effect.timeoutOption(sync.awaitApplied(audit), appliedWait)));
        waits.set(audit, wait);
        const oldest = waits.keys().next();
        if (waits.size > rememberedWaits && oldest.done !== true) waits.delete(oldest.value);
      }
      return wait;
    },
    text: (event: FeedEvent, visible: VisibleEvent): string => {
      if (visible.changes !== event.changes) return JSON.stringify(visible);
      let text = texts.get(event);
      if (text === undefined) {
        text = JSON.stringify(visible);
        texts.set(event, text);
      }
      return text;
    },
  };
};

const unauthorized = { error: { code: "UNAUTHORIZED", message: SIGN_IN } };

/**
 * Mounts `GET /events`. Once listening, the stream sends the comment `: connected`; then one unnamed event per
 * committed change notice of the actor's organization, `id` the audit row and `data` `{ audit, changes }` with
 * the changes it may read (the others as one `{ type: "changed", scope: { org } }`). An actor already holding
 * `limits.perActor` streams, or a process holding `limits.total`, is answered 429.
 */
export const mountEvents = <E extends Env>(app: Hono<E>, options: EventsOptions): void => {
  const limits = options.limits ?? defaultStreamLimits;
  const quota = streamQuota(limits);
  const shared = sharedPerEvent();
  app.get("/events", async (c) => {
    const store = options.store;
    if (store === undefined) return c.json(unauthorized, 401);
    const presented = {
      authorization: c.req.header("authorization"),
      sessionToken: getCookie(c, sessionCookie),
    };
    const { actor } = await runWith(store, resolveActor(presented));
    if (actor === undefined) return c.json(unauthorized, 401);
    if (actor.kind !== "operator" && !servesOrg(options.partition, actor.org)) {
      const refusal = misdirected(actor.org);
      return c.json(errorBody(refusal.code, refusal.message), 421);
    }
    const place = quota.take(`${actor.kind}:${actor.id}`);
    if ("refused" in place) {
      c.header("Retry-After", "30");
      return c.json(tooManyStreams(limits, place.refused, "event streams", "account"), 429);
    }
    const stillSignedIn = Effect.map(resolveActor(presented), (resolved) => resolved.actor?.id === actor.id);
    return streamSSE(c, async (sse) => {
      const write = (text: string) => Effect.promise(() => sse.write(text));
      const relay = Effect.scoped(
        Effect.gen(function* () {
          const events = yield* (yield* ChangeFeed).subscribe();
          const sync = yield* EngineSync;
          const watch = yield* watchKey(presented, actor, options.engine);
          const signedOut = write("event: signed-out\ndata: {}\n\n");
          yield* write(": connected\n\n");
          // Ends (and so ends the stream) once the credentials no longer resolve to the same actor.
          const beat = heartbeat(sse, options.heartbeat ?? heartbeatInterval, stillSignedIn, signedOut);
          const followed = followedAtStart(options.engine(), actor);
          const changes = Stream.runForEach(events, (event) =>
            Effect.gen(function* () {
              const concerned = concerns(actor, event, followed);
              if (!concerned && !mayStartFollowing(followed, event)) return;
              yield* Effect.promise(() => shared.applied(sync, event.audit));
              if (!concerned && !startsFollowing(options.engine(), actor, followed, event)) return;
              yield* beforeDelivery(watch, stillSignedIn);
              const visible = visibleEvent(options.engine(), actor, event, followed);
              stopsFollowing(options.engine(), actor, followed, event);
              if (visible === undefined) return;
              yield* Effect.promise(() =>
                sse.writeSSE({ id: visible.audit, data: shared.text(event, visible) }),
              );
            }),
          );
          yield* untilSignedOut(changes, beat, watch, signedOut);
        }),
      );
      await runSession(sse, c.req.raw, store, relay, place.release);
    });
  });
};

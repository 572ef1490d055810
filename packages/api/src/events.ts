// GET /events: committed changes of the actor's organization as Server-Sent Events, for live UIs. Signed in like
// tRPC (session cookie or bearer API key; 401 otherwise); every 15 s a heartbeat that re-checks the credentials.
import type { FeedEvent } from "@gatehouse/store";
import { ChangeFeed } from "@gatehouse/store";
import { Duration, Effect, Stream } from "effect";
import type { Env, Hono } from "hono";
import { getCookie } from "hono/cookie";
import { streamSSE } from "hono/streaming";
import { sessionCookie } from "./auth/policy.ts";
import { resolveActor } from "./auth/resolve-actor.ts";
import { runWith, type StoreRunner } from "./auth/store-runner.ts";
import type { Actor } from "./context.ts";

export interface EventsOptions {
  /** Runs store Effects; without one every request is anonymous and answered 401. */
  readonly store: StoreRunner | undefined;
  /** How often the stream re-checks its credentials and sends a heartbeat (default 15 s). */
  readonly heartbeat?: Duration.Duration;
}

/**
 * How often an idle stream sends a comment, so proxies and clients keep the connection open; each time the
 * credentials are resolved again, so a session ended (logout, expiry, removal) or a key revoked stops the stream.
 */
export const heartbeatInterval = Duration.seconds(15);

/** Users and API keys see their organization's changes; the platform operator sees every change. */
const visibleTo = (actor: Actor, event: FeedEvent): boolean =>
  actor.kind === "operator" || event.org === actor.org;

const unauthorized = { error: { code: "UNAUTHORIZED", message: "Sign in or send an API key" } };

/**
 * Mounts `GET /events`. Once listening, the stream sends the comment `: connected`; then one unnamed event per
 * committed change notice of the actor's organization, `id` the audit row and `data` `{ audit, changes }`.
 */
export const mountEvents = <E extends Env>(app: Hono<E>, options: EventsOptions): void => {
  app.get("/events", async (c) => {
    const store = options.store;
    if (store === undefined) return c.json(unauthorized, 401);
    const presented = {
      authorization: c.req.header("authorization"),
      sessionToken: getCookie(c, sessionCookie),
    };
    const { actor } = await runWith(store, resolveActor(presented));
    if (actor === undefined) return c.json(unauthorized, 401);
    const stillSignedIn = Effect.map(resolveActor(presented), (resolved) => resolved.actor?.id === actor.id);
    return streamSSE(c, async (sse) => {
      // The client went away: the response body was cancelled or the request aborted.
      const closed = new Promise<void>((resolve) => {
        sse.onAbort(resolve);
        c.req.raw.signal.addEventListener("abort", () => resolve(), { once: true });
      });
      const write = (text: string) => Effect.promise(() => sse.write(text));
      const relay = Effect.scoped(
        Effect.gen(function* () {
          const events = yield* (yield* ChangeFeed).subscribe();
          yield* write(": connected\n\n");
          // Ends (and so ends the stream) once the credentials no longer resolve to the same actor.
          const heartbeat = Effect.gen(function* () {
            while (true) {
              yield* Effect.sleep(options.heartbeat ?? heartbeatInterval);
              if (!(yield* stillSignedIn)) return yield* write("event: signed-out\ndata: {}\n\n");
              yield* write(": heartbeat\n\n");
            }
          });
          const changes = Stream.runForEach(
            Stream.filter(events, (event) => visibleTo(actor, event)),
            (event) =>
              Effect.promise(() =>
                sse.writeSSE({
                  id: event.audit,
                  data: JSON.stringify({ audit: event.audit, changes: event.changes }),
                }),
              ),
          );
          yield* Effect.raceFirst(changes, heartbeat);
        }),
      );
      // Leaving the scope (on close) ends the LISTEN subscription and the heartbeat.
      await runWith(
        store,
        Effect.raceFirst(
          relay,
          Effect.promise(() => closed),
        ),
      );
    });
  });
};

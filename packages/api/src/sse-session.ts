// One Server-Sent Events stream's life, shared by /events and /v1/changes: its quota refusal, its heartbeat that
// re-checks the reader, its sign-out (the key revoked, or refused before a delivery), and its end (the client gone
// or the relay done), after which its quota place is given back.
import { Cause, Data, type Duration, Effect, Exit } from "effect";
import type { SSEStreamingApi } from "hono/streaming";
import type { KeyWatch } from "./auth/key-watch.ts";
import type { StoreRunner, StoreServices } from "./auth/store-runner.ts";
import type { StreamLimits } from "./stream-quota.ts";

/** 429's body when the quota refused a stream: `streams` names the kind, `per` whose streams count together. */
export const tooManyStreams = (
  limits: StreamLimits,
  refused: "actor" | "total",
  streams: string,
  per: string,
) => ({
  error: {
    code: "TOO_MANY_REQUESTS",
    message:
      refused === "actor"
        ? `At most ${limits.perActor} ${streams} may be open at once per ${per}: close one and try again`
        : `The server has as many ${streams} open as it serves: try again later`,
  },
});

/**
 * Every `interval`, asks `stillAllowed`: once it answers false, writes `signedOut` and ends (ending the stream);
 * otherwise writes a heartbeat comment, which keeps proxies and clients from closing an idle connection.
 */
export const heartbeat = <R>(
  sse: SSEStreamingApi,
  interval: Duration.Duration,
  stillAllowed: Effect.Effect<boolean, never, R>,
  signedOut: Effect.Effect<void>,
): Effect.Effect<void, never, R> =>
  Effect.gen(function* () {
    while (true) {
      yield* Effect.sleep(interval);
      if (!(yield* stillAllowed)) return yield* signedOut;
      yield* Effect.promise(() => sse.write(": heartbeat\n\n"));
    }
  });

/** A delivery refused: the reader's credentials no longer hold, so the stream ends with its sign-out. */
export class SignedOut extends Data.TaggedError("SignedOut") {}

/**
 * Before each delivery: fails with SignedOut unless the credentials still hold, by the key cache's word while it
 * holds the key (a Map lookup), else by `stillAllowed` (they are resolved again, and the key cached again).
 */
export const beforeDelivery = <R>(
  watch: KeyWatch,
  stillAllowed: Effect.Effect<boolean, never, R>,
): Effect.Effect<void, SignedOut, R> =>
  Effect.suspend(() =>
    watch.held()
      ? Effect.void
      : Effect.flatMap(stillAllowed, (allowed) => (allowed ? Effect.void : Effect.fail(new SignedOut()))),
  );

/**
 * Runs `deliveries` next to the heartbeat until either ends; a revocation this process hears (`watch.revoked`) or a
 * delivery refused (SignedOut) writes `signedOut` and ends the stream at once, as the heartbeat's re-check does.
 */
export const untilSignedOut = <R, R2>(
  deliveries: Effect.Effect<void, SignedOut, R>,
  beat: Effect.Effect<void, never, R2>,
  watch: KeyWatch,
  signedOut: Effect.Effect<void>,
): Effect.Effect<void, never, R | R2> =>
  Effect.raceFirst(
    deliveries.pipe(Effect.catchTag("SignedOut", () => signedOut)),
    Effect.raceFirst(beat, Effect.andThen(watch.revoked, signedOut)),
  );

/**
 * Runs `relay` on `store` until it ends or the client goes away (the response body cancelled or the request
 * aborted), then `release`s the stream's quota place. Leaving the relay's scope ends its subscriptions. A stream
 * interrupted by the server shutting down simply ends; any other failure is thrown (and logged by Hono).
 */
export const runSession = async (
  sse: SSEStreamingApi,
  request: Request,
  store: StoreRunner,
  relay: Effect.Effect<void, unknown, StoreServices>,
  release: () => void,
): Promise<void> => {
  const closed = new Promise<void>((resolve) => {
    sse.onAbort(resolve);
    request.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  try {
    const exit = await store.runPromiseExit(
      Effect.raceFirst(
        relay,
        Effect.promise(() => closed),
      ),
    );
    if (Exit.isFailure(exit) && !Cause.hasInterruptsOnly(exit.cause)) throw Cause.squash(exit.cause);
  } finally {
    release();
  }
};

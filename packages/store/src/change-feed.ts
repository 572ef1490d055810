// Committed changes for live views: the notices of `gatehouse_changes`, each with the organization of its
// audit row (read from audit_log, since notices carry only the audit id), for an SSE stream to filter.
// Every subscriber of a process shares ONE listener, fanned out in memory: a stream holds no database connection.
import { Notifications } from "@gatehouse/db";
import { Cause, Context, Effect, Layer, PubSub, RcRef, type Scope, Stream } from "effect";
import { SqlClient } from "effect/sql";
import { type ChangeNotice, changesChannel } from "./changes.ts";

/** One notice with its organization (null for platform-level changes). */
export interface FeedEvent {
  readonly audit: string;
  readonly org: string | null;
  /** Which part of its audit row's notice this is (1-based), of how many: the row is complete at the last. */
  readonly part: number;
  readonly parts: number;
  readonly changes: ChangeNotice["changes"];
  /**
   * The listener's running count of events (1, 2, …): a subscriber that sees it jump was left behind (its oldest
   * unread events were dropped, see `subscriberBacklog`) and has missed changes.
   */
  readonly seq: number;
}

export interface ChangeFeedShape {
  /**
   * Listens (in place when this succeeds) until the scope closes; malformed notices are dropped. The stream
   * ends when the shared listener is lost (the subscriber may have missed changes: it should start over).
   */
  readonly subscribe: () => Effect.Effect<Stream.Stream<FeedEvent>, never, Scope.Scope>;
}

/**
 * How many events a subscriber may fall behind; beyond that its oldest unread ones are dropped, so one slow
 * reader never holds up the others or grows memory.
 */
export const subscriberBacklog = 256;

const parse = (payload: string): ChangeNotice | undefined => {
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== "object" || value === null) return undefined;
    if (!("audit" in value) || typeof value.audit !== "string") return undefined;
    if (!("changes" in value) || !Array.isArray(value.changes)) return undefined;
    // The shape was checked above; the payload is written by Mutations only.
    return value as ChangeNotice;
  } catch {
    return undefined;
  }
};

/** What the shared listener publishes: an event, or `null` once it stopped (the last message). */
type Published = FeedEvent | null;

const make = Effect.gen(function* () {
  const notifications = yield* Notifications;
  const sql = yield* SqlClient.SqlClient;
  const orgOf = (audit: string) =>
    sql<{ readonly org: string | null }>`select org from audit_log where id = ${audit}::bigint`;

  /** Notices as feed events: one audit_log read per notice for the whole process, not per subscriber. */
  const events = (payloads: Stream.Stream<string, unknown>) => {
    let seq = 0;
    return payloads.pipe(
      Stream.map(parse),
      Stream.filter(
        (notice): notice is ChangeNotice => notice !== undefined && /^[0-9]{1,19}$/.test(notice.audit),
      ),
      Stream.mapEffect((notice) =>
        Effect.map(
          orgOf(notice.audit),
          (rows): FeedEvent => ({
            audit: notice.audit,
            org: rows[0]?.org ?? null,
            part: typeof notice.part === "number" ? notice.part : 1,
            parts: typeof notice.parts === "number" ? notice.parts : 1,
            changes: notice.changes,
            seq: ++seq,
          }),
        ),
      ),
    );
  };

  // The listener and its hub exist while someone subscribes: the first subscriber starts the LISTEN (and waits
  // until it is in place), the last one to leave stops it. A lost listener ends every subscriber's stream and
  // is started afresh by the next subscriber.
  const shared: RcRef.RcRef<PubSub.PubSub<Published>> = yield* RcRef.make({
    acquire: Effect.gen(function* () {
      const hub = yield* Effect.acquireRelease(PubSub.sliding<Published>(subscriberBacklog), PubSub.shutdown);
      const payloads = yield* Effect.orDie(notifications.subscribe(changesChannel));
      // Forgotten first, so that whoever hears the end and subscribes again gets a new listener.
      const stopped = Effect.andThen(RcRef.invalidate(shared), PubSub.end(hub, null));
      yield* Effect.forkScoped(
        Stream.runForEach(events(payloads), (event) => PubSub.publish(hub, event)).pipe(
          Effect.catchCause((cause) =>
            Effect.logError("The change feed's listener stopped", Cause.pretty(cause)),
          ),
          Effect.andThen(stopped),
        ),
      );
      return hub;
    }),
  });

  const subscribe = () =>
    Effect.gen(function* () {
      const subscription = yield* PubSub.subscribe(yield* RcRef.get(shared));
      return Stream.fromSubscription(subscription).pipe(
        Stream.takeWhile((event): event is FeedEvent => event !== null),
      );
    });

  return { subscribe } satisfies ChangeFeedShape;
});

export class ChangeFeed extends Context.Service<ChangeFeed, ChangeFeedShape>()(
  "@gatehouse/store/ChangeFeed",
) {
  static readonly layer = Layer.effect(ChangeFeed, make);
}

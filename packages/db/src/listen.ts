// LISTEN/NOTIFY as a service: how API processes sharing one database learn of each other's commits.
// Implemented for PGlite (in-process callbacks) and for PostgreSQL (a dedicated pooled session).
import { Context, Effect, type Scope, Stream } from "effect";
import { SqlClient, type SqlError } from "effect/sql";

export interface NotificationsShape {
  /** Sends `payload` on `channel`; inside `sql.withTransaction` it is delivered when the transaction commits. */
  readonly notify: (channel: string, payload: string) => Effect.Effect<void, SqlError.SqlError>;
  /**
   * Starts listening and succeeds once the LISTEN is in place, with the payloads that arrive from then on;
   * listening stops when the scope closes. Use it to listen before reading state, so no change is missed.
   */
  readonly subscribe: (
    channel: string,
  ) => Effect.Effect<Stream.Stream<string, SqlError.SqlError>, SqlError.SqlError, Scope.Scope>;
  /** The payloads sent on `channel` while the stream runs. */
  readonly listen: (channel: string) => Stream.Stream<string, SqlError.SqlError>;
}

export class Notifications extends Context.Service<Notifications, NotificationsShape>()(
  "@gatehouse/db/Notifications",
) {}

/** Lowercase identifiers only: both backends then name the channel alike without quoting. */
const channelPattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** A bad channel name is a programming error, so it is a defect rather than a typed failure. */
export const checkChannel = (channel: string): Effect.Effect<void> =>
  channelPattern.test(channel)
    ? Effect.void
    : Effect.die(new Error(`Notification channel "${channel}" must match ${channelPattern}`));

/** Builds the service from a backend's `subscribe`; NOTIFY goes through SQL, so it is transactional. */
export const makeNotifications = Effect.fnUntraced(function* (subscribe: NotificationsShape["subscribe"]) {
  const sql = yield* SqlClient.SqlClient;
  const service: NotificationsShape = {
    notify: Effect.fn("Notifications.notify")(function* (channel: string, payload: string) {
      yield* checkChannel(channel);
      yield* sql`SELECT pg_notify(${channel}, ${payload})`;
    }),
    subscribe: (channel) => Effect.andThen(checkChannel(channel), subscribe(channel)),
    listen: (channel) => Stream.unwrap(Effect.andThen(checkChannel(channel), subscribe(channel))),
  };
  return service;
});

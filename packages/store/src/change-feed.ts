// Committed changes for live views: the notices of `gatehouse_changes`, each with the organization of its
// audit row (read from audit_log, since notices carry only the audit id), for an SSE stream to filter.
import { Notifications } from "@gatehouse/db";
import { Context, Effect, Layer, type Scope, Stream } from "effect";
import { SqlClient } from "effect/sql";
import { type ChangeNotice, changesChannel } from "./changes.ts";

/** One notice with its organization (null for platform-level changes). */
export interface FeedEvent {
  readonly audit: string;
  readonly org: string | null;
  readonly changes: ChangeNotice["changes"];
}

export interface ChangeFeedShape {
  /** Listens (in place when this succeeds) until the scope closes; malformed notices are dropped. */
  readonly subscribe: () => Effect.Effect<Stream.Stream<FeedEvent>, never, Scope.Scope>;
}

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

const make = Effect.gen(function* () {
  const notifications = yield* Notifications;
  const sql = yield* SqlClient.SqlClient;
  const orgOf = (audit: string) =>
    Effect.orDie(sql<{ readonly org: string | null }>`select org from audit_log where id = ${audit}::bigint`);

  const subscribe = () =>
    Effect.gen(function* () {
      const payloads = yield* Effect.orDie(notifications.subscribe(changesChannel));
      return payloads.pipe(
        Stream.orDie,
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
              changes: notice.changes,
            }),
          ),
        ),
      );
    });

  return { subscribe } satisfies ChangeFeedShape;
});

export class ChangeFeed extends Context.Service<ChangeFeed, ChangeFeedShape>()(
  "@gatehouse/store/ChangeFeed",
) {
  static readonly layer = Layer.effect(ChangeFeed, make);
}

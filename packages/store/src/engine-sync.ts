// Keeps one process's decision engine current: listens on `gatehouse_changes`, loads the snapshot, then
// applies every committed change incrementally. Several processes on one database stay in agreement.
import { Notifications } from "@gatehouse/db";
import type { Engine } from "@gatehouse/domain";
import { Cause, Context, Effect, Layer, Stream } from "effect";
import { SqlClient } from "effect/sql";
import { applyChange } from "./apply-change.ts";
import { type ChangeNotice, changesChannel } from "./changes.ts";
import { loadEngine } from "./load-engine.ts";

export interface EngineSyncShape {
  /** The current engine. Read it for each decision: a `resync` notice replaces it with a reloaded one. */
  readonly engine: Engine;
  /** Succeeds once the changes of audit row `auditId` (from `Mutations.mutate`) have been applied here. */
  readonly awaitApplied: (auditId: string) => Effect.Effect<void>;
  /** Replaces the engine with one freshly loaded from the database. */
  readonly reload: () => Effect.Effect<void>;
}

/** How many applied audit ids are remembered for `awaitApplied`. */
const rememberedIds = 10_000;

const isNotice = (value: unknown): value is ChangeNotice =>
  typeof value === "object" &&
  value !== null &&
  "audit" in value &&
  typeof value.audit === "string" &&
  "changes" in value &&
  Array.isArray(value.changes);

const parse = (payload: string): ChangeNotice | undefined => {
  try {
    const value: unknown = JSON.parse(payload);
    return isNotice(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

const make = Effect.gen(function* () {
  const notifications = yield* Notifications;
  const sql = yield* SqlClient.SqlClient;
  const load = Effect.provideService(loadEngine(), SqlClient.SqlClient, sql);
  // Listen first, then load: a change committed in between is heard, and applying it again is harmless.
  const first = yield* notifications.subscribe(changesChannel);
  let engine = yield* load;
  const applied = new Set<string>();
  /** Requests waiting for their change, by audit id; a waiter removes itself when interrupted. */
  const waiters = new Map<string, Set<() => void>>();

  const markApplied = (auditId: string) => {
    applied.add(auditId);
    if (applied.size > rememberedIds) {
      const oldest = applied.values().next();
      if (oldest.done !== true) applied.delete(oldest.value);
    }
    for (const wake of waiters.get(auditId) ?? []) wake();
    waiters.delete(auditId);
  };

  // A reload reads every change committed before it began, so it answers everyone already waiting then:
  // nobody waits forever for a notice that was lost while the listener reconnected.
  const reload = Effect.fn("EngineSync.reload")(function* () {
    const answered = [...waiters.values()].flatMap((set) => [...set]);
    engine = yield* load;
    for (const wake of answered) wake();
  });

  const handle = Effect.fn("EngineSync.handle")(function* (payload: string) {
    const notice = parse(payload);
    if (notice === undefined)
      return yield* Effect.logWarning(`Ignoring a malformed change notice: ${payload}`);
    let resync = false;
    for (const change of notice.changes) {
      try {
        if (!applyChange(engine, change)) resync = true;
      } catch (error) {
        // A change that no longer fits (its subject was deleted since) is superseded by a later notice.
        yield* Effect.logWarning(`Change ${change.type} of audit ${notice.audit} not applied`, error);
      }
    }
    if (resync) yield* reload();
    if (notice.part === notice.parts) markApplied(notice.audit);
  });

  const consume = (stream: Stream.Stream<string, unknown>) =>
    Stream.runForEach(stream, handle).pipe(
      Effect.catchCause((cause) =>
        Effect.logError("Change notifications stopped; resubscribing", Cause.pretty(cause)),
      ),
    );
  // After a lost listener, listen again and reload (changes may have been missed meanwhile), once a second.
  const again = Effect.scoped(
    Effect.gen(function* () {
      yield* Effect.sleep("1 second");
      const stream = yield* notifications.subscribe(changesChannel);
      yield* reload();
      yield* consume(stream);
    }),
  ).pipe(Effect.catchCause((cause) => Effect.logError("Resubscribing failed", Cause.pretty(cause))));
  yield* Effect.forkScoped(Effect.andThen(consume(first), Effect.forever(again)));

  const awaitApplied = (auditId: string): Effect.Effect<void> =>
    Effect.callback<void>((resume) => {
      if (applied.has(auditId)) return resume(Effect.void);
      const set = waiters.get(auditId) ?? new Set();
      const wake = () => {
        forget();
        resume(Effect.void);
      };
      const forget = () => {
        set.delete(wake);
        if (set.size === 0 && waiters.get(auditId) === set) waiters.delete(auditId);
      };
      set.add(wake);
      waiters.set(auditId, set);
      return Effect.sync(forget);
    }).pipe(Effect.withSpan("EngineSync.awaitApplied"));

  const service: EngineSyncShape = {
    get engine() {
      return engine;
    },
    awaitApplied,
    reload,
  };
  return service;
});

export class EngineSync extends Context.Service<EngineSync, EngineSyncShape>()(
  "@gatehouse/store/EngineSync",
) {
  static readonly layer = Layer.effect(EngineSync, make);
}

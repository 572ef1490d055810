// Keeps one process's decision engine current: listens on `gatehouse_changes`, loads the snapshot, then
// applies every committed change incrementally. Several processes on one database stay in agreement.
import { Notifications } from "@gatehouse/db";
import { AppliedPositions, type Engine } from "@gatehouse/domain";
import { Cause, Context, Duration, Effect, Layer, Semaphore, Stream } from "effect";
import { SqlClient } from "effect/sql";
import { type ChangeNotice, changesChannel } from "./changes.ts";
import { EngineBehind, NotYetApplied } from "./errors.ts";
import { loadEngineAt } from "./load-engine.ts";
import { NodePartition } from "./partition.ts";
import { applyChangeWithin } from "./partition-changes.ts";

export interface EngineSyncShape {
  /** The current engine. Read it for each decision: a `resync` notice replaces it with a reloaded one. */
  readonly engine: Engine;
  /** Succeeds once the changes of audit row `auditId` (from `Mutations.mutate`) have been applied here. */
  readonly awaitApplied: (auditId: string) => Effect.Effect<void>;
  /**
   * Succeeds once this process has applied the change at `token` (a consistency token: an audit row id in
   * decimal, from any process on the database), or fails with NotYetApplied after `within` (`late`) or at once
   * when too many requests wait already (`crowded`). A token older than every id remembered counts as applied.
   */
  readonly awaitPosition: (token: string, within: Duration.Input) => Effect.Effect<void, NotYetApplied>;
  /**
   * Inside a transaction holding the write locks of `orgs` (org-write-locks.ts): the current engine once this
   * process has applied each one's newest committed change (under the locks, every earlier change of theirs
   * committed before it, and no other can commit). It waits for that change a moment only (`behindGrace`): the
   * transaction holds a connection, which a reload may need; then it fails EngineBehind naming the change, for
   * the caller to wait for outside the transaction.
   */
  readonly caughtUp: (orgs: Iterable<string>) => Effect.Effect<Engine, EngineBehind>;
  /** Replaces the engine with one freshly loaded from the database. */
  readonly reload: () => Effect.Effect<void>;
}

/** How many applied audit ids are remembered (from notices, and the newest committed ones at each load). */
const rememberedIds = 10_000;

/** At most this many requests wait for a consistency token at once; more are answered `crowded`. */
const maxTokenWaiters = 10_000;

/**
 * How long a write waits to hear its own change before this process reloads its engine (which reads every change
 * committed so far): a notification lost on the way (a dropped listener, a driver dropping it) then costs one
 * reload instead of a request that never ends.
 */
export const defaultNoticeGrace = Duration.seconds(5);

/**
 * How long a write holding its organizations' locks waits for this process to apply their newest change (just
 * committed by the writer before it, usually heard within milliseconds) before it gives the connection back.
 */
const behindGrace = Duration.seconds(1);

export interface EngineSyncOptions {
  /** How long `awaitApplied` waits for a notification before it reloads (default `defaultNoticeGrace`). */
  readonly noticeGrace?: Duration.Input;
}

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

const make = (options: EngineSyncOptions) =>
  Effect.gen(function* () {
    const noticeGrace = Duration.fromInputUnsafe(options.noticeGrace ?? defaultNoticeGrace);
    const notifications = yield* Notifications;
    const sql = yield* SqlClient.SqlClient;
    const positions = new AppliedPositions(rememberedIds, maxTokenWaiters);
    // A node holding a partition loads, and applies changes of, its organizations only (partition.ts).
    const partition = yield* NodePartition;
    const loadAt = Effect.provideService(loadEngineAt(rememberedIds, partition), SqlClient.SqlClient, sql);
    // Listen first, then load: a change committed in between is heard, and applying it again is harmless.
    const first = yield* notifications.subscribe(changesChannel);
    const initial = yield* loadAt;
    let engine = initial.engine;
    positions.loaded(initial.newest, initial.newest.length < rememberedIds);
    // Applying a notice and replacing the engine never interleave: a notice applied to the old engine while a reload
    // reads would be missing from the new one. Notices arriving meanwhile wait in the listener's queue.
    const engineLock = yield* Semaphore.make(1);
    /** Reloads begun so far: a late write needs none begun before it waited. */
    let reloadsBegun = 0;

    // A reload reads every change committed before it began, so it answers everyone already waiting then:
    // nobody waits forever for a notice that was lost while the listener reconnected. (A token a caller holds was
    // committed before the caller could send it, so it is in that snapshot too.) The newest ids committed in the
    // snapshot count as applied from then on.
    const reloadHeld = Effect.fn("EngineSync.reload")(function* () {
      reloadsBegun += 1;
      const answer = positions.present();
      const loaded = yield* loadAt;
      engine = loaded.engine;
      positions.loaded(loaded.newest, loaded.newest.length < rememberedIds);
      answer();
    });

    const handle = Effect.fn("EngineSync.handle")(function* (payload: string) {
      const notice = parse(payload);
      if (notice === undefined)
        return yield* Effect.logWarning(`Ignoring a malformed change notice: ${payload}`);
      let resync = false;
      for (const change of notice.changes) {
        try {
          if (!applyChangeWithin(engine, partition, change)) resync = true;
        } catch (error) {
          // A change that no longer fits (its subject was deleted since) is superseded by a later notice.
          yield* Effect.logWarning(`Change ${change.type} of audit ${notice.audit} not applied`, error);
        }
      }
      if (resync) yield* reloadHeld();
      if (notice.part === notice.parts) positions.mark(notice.audit);
    });
    const reload = () => engineLock.withPermits(1)(reloadHeld());

    const consume = (stream: Stream.Stream<string, unknown>) =>
      Stream.runForEach(stream, (payload) => engineLock.withPermits(1)(handle(payload))).pipe(
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

    /** Waits until `position` is reached; a wait with a `crowded` failure counts against the limit and fails beyond it. */
    const reach = <E = never>(position: string, crowded?: () => E): Effect.Effect<void, E> =>
      Effect.callback<void, E>((resume) => {
        if (positions.reached(position)) return resume(Effect.void);
        const waiting = positions.wait(position, () => resume(Effect.void), crowded !== undefined);
        // Only a capped wait (one given `crowded`) is ever refused.
        if (waiting === "crowded")
          return resume(crowded === undefined ? Effect.void : Effect.fail(crowded()));
        return Effect.sync(waiting.cancel);
      });

    /** Reloads unless a reload began after `since` (reloadsBegun then): that one read the change already. */
    const catchUp = (since: number) =>
      engineLock.withPermits(1)(Effect.suspend(() => (reloadsBegun > since ? Effect.void : reloadHeld())));

    // Its own write's id was committed before the wait began, so a reload begun after that answers it.
    const awaitHeard = (auditId: string): Effect.Effect<void> =>
      Effect.suspend(() => {
        const since = reloadsBegun;
        return reach(auditId).pipe(
          Effect.timeoutOrElse({
            duration: noticeGrace,
            orElse: () =>
              Effect.logWarning(
                `The change of audit row ${auditId} was not heard within ${Duration.format(noticeGrace)}: reloading the engine`,
              ).pipe(
                Effect.andThen(catchUp(since)),
                Effect.andThen(Effect.suspend(() => awaitHeard(auditId))),
              ),
          }),
        );
      });

    const awaitApplied = (auditId: string): Effect.Effect<void> =>
      awaitHeard(auditId).pipe(Effect.withSpan("EngineSync.awaitApplied"));

    const awaitPosition = (token: string, within: Duration.Input): Effect.Effect<void, NotYetApplied> => {
      // The decimal form the notices carry: "007" is position 7.
      const position = BigInt(token).toString();
      return reach(position, () => new NotYetApplied({ token: position, reason: "crowded" })).pipe(
        Effect.timeoutOrElse({
          duration: within,
          orElse: () => Effect.fail(new NotYetApplied({ token: position, reason: "late" })),
        }),
        Effect.withSpan("EngineSync.awaitPosition"),
      );
    };

    const caughtUp = Effect.fn("EngineSync.caughtUp")(function* (orgs: Iterable<string>) {
      for (const org of new Set(orgs)) {
        const rows = yield* Effect.orDie(
          sql<{
            readonly newest: string | null;
          }>`select max(id)::text as newest from audit_log where org = ${org}`,
        );
        const newest = rows[0]?.newest ?? null;
        if (newest !== null && !positions.reached(newest))
          yield* reach(newest).pipe(
            Effect.timeoutOrElse({
              duration: behindGrace,
              orElse: () => Effect.fail(new EngineBehind({ position: newest })),
            }),
          );
      }
      return engine;
    });

    const service: EngineSyncShape = {
      get engine() {
        return engine;
      },
      awaitApplied,
      awaitPosition,
      caughtUp,
      reload,
    };
    return service;
  });

export class EngineSync extends Context.Service<EngineSync, EngineSyncShape>()(
  "@gatehouse/store/EngineSync",
) {
  static readonly layer = Layer.effect(EngineSync, make({}));
  /** The layer with other settings (a test's short notice grace). */
  static readonly layerWith = (options: EngineSyncOptions) => Layer.effect(EngineSync, make(options));
}

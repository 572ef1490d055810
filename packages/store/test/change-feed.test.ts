// The change feed on PGlite and PostgreSQL: every subscriber of a process shares one listener (one LISTEN, so one
// database session however many streams are open), hears every change, and a later subscriber starts it again.
import { expect } from "@effect/vitest";
import { Notifications } from "@gatehouse/db";
import { describeBothBackends } from "@gatehouse/db/testing";
import { Context, Deferred, Effect, Fiber, Layer, Stream } from "effect";
import type { SqlError } from "effect/sql";
import { ChangeFeed } from "../src/change-feed.ts";
import { StoreLive } from "../src/layer.ts";
import { Mutations } from "../src/mutations.ts";
import { Organizations } from "../src/organizations.ts";
import { setup } from "./support/store.ts";

const system = { kind: "system" } as const;

/** Notifications that count the listeners opened and still open, and whose listeners `lose` makes fail. */
const countedListeners = Effect.gen(function* () {
  const notifications = yield* Notifications;
  const listeners = { opened: 0, open: 0 };
  let lost = yield* Deferred.make<void>();
  const failing = <A>(stream: Stream.Stream<A, SqlError.SqlError>) =>
    Stream.merge(
      stream,
      Stream.fromEffect(Deferred.await(lost)).pipe(
        Stream.flatMap(() => Stream.die(new Error("connection lost"))),
      ),
      { haltStrategy: "either" },
    );
  const lose = Effect.gen(function* () {
    yield* Deferred.succeed(lost, undefined);
    lost = yield* Deferred.make<void>();
  });
  const subscribe: typeof notifications.subscribe = (channel) =>
    Effect.tap(Effect.map(notifications.subscribe(channel), failing), () =>
      Effect.andThen(
        Effect.sync(() => {
          listeners.opened += 1;
          listeners.open += 1;
        }),
        Effect.addFinalizer(() =>
          Effect.sync(() => {
            listeners.open -= 1;
          }),
        ),
      ),
    );
  return { listeners, lose, layer: Layer.succeed(Notifications, { ...notifications, subscribe }) };
});

/** Creates organization `id` through the audited primitive: one committed change. */
const createOrg = (id: string) =>
  Effect.gen(function* () {
    const made = yield* (yield* Mutations).mutate({
      actor: system,
      org: id,
      action: "organization.create",
      target: { kind: "organization", id },
      run: (yield* Organizations).create({ id, name: id, kind: "customer", products: ["cms"] }),
    });
    return made.auditId;
  });

describeBothBackends(
  "the change feed",
  (_getSql, it) => {
    it.effect("fans one listener out to every subscriber and starts it again after the last one left", () =>
      Effect.gen(function* () {
        const { listeners, layer } = yield* countedListeners;
        const feed = Context.get(
          yield* Layer.build(Layer.fresh(ChangeFeed.layer).pipe(Layer.provide(layer))),
          ChangeFeed,
        );
        const subscribers = 50;
        yield* Effect.scoped(
          Effect.gen(function* () {
            const heard = yield* Effect.forEach(Array.from({ length: subscribers }), () =>
              Effect.flatMap(feed.subscribe(), (events) =>
                Effect.forkScoped(Stream.runCollect(Stream.take(events, 1))),
              ),
            );
            expect(listeners).toEqual({ opened: 1, open: 1 });
            const audit = yield* createOrg("acme");
            const events = yield* Effect.forEach(heard, Fiber.join);
            expect(events.map((e) => e[0]?.audit)).toEqual(heard.map(() => audit));
            expect(events[0]?.[0]?.org).toBe("acme");
          }),
        );
        // The last subscriber left: the listener stopped. The next one listens afresh and hears what follows.
        expect(listeners).toEqual({ opened: 1, open: 0 });
        yield* Effect.scoped(
          Effect.gen(function* () {
            const events = yield* feed.subscribe();
            const heard = yield* Effect.forkScoped(Stream.runCollect(Stream.take(events, 2)));
            const audit = yield* createOrg("agency");
            const next = yield* createOrg("globex");
            const [first, second] = yield* Fiber.join(heard);
            expect(first).toMatchObject({ audit, org: "agency", part: 1, parts: 1 });
            // The listener numbers its events, so a subscriber left behind sees the jump (a gap).
            expect(second).toMatchObject({ audit: next, org: "globex", seq: (first?.seq ?? 0) + 1 });
            expect(listeners).toEqual({ opened: 2, open: 1 });
          }),
        );
        expect(listeners.open).toBe(0);
      }).pipe(Effect.scoped, Effect.provide(StoreLive)),
    );

    it.effect(
      "ends every subscriber's stream when the listener is lost, and listens again for the next",
      () =>
        Effect.gen(function* () {
          const { listeners, lose, layer } = yield* countedListeners;
          const feed = Context.get(
            yield* Layer.build(Layer.fresh(ChangeFeed.layer).pipe(Layer.provide(layer))),
            ChangeFeed,
          );
          yield* Effect.scoped(
            Effect.gen(function* () {
              const streams = yield* Effect.forEach([1, 2, 3], () => feed.subscribe());
              const heard = yield* Effect.forEach(streams, (events) =>
                Effect.forkScoped(Stream.runCollect(events)),
              );
              const first = yield* Effect.forkScoped(
                Stream.runCollect(Stream.take(yield* feed.subscribe(), 1)),
              );
              const audit = yield* createOrg("acme");
              // Lost once the change went out (to every subscription at once).
              yield* Fiber.join(first);
              yield* lose;
              // Each stream ends (its subscriber should start over) after what it heard before the loss.
              const collected = yield* Effect.forEach(heard, Fiber.join);
              expect(collected.map((events) => events.map((e) => e.audit))).toEqual([
                [audit],
                [audit],
                [audit],
              ]);
              // A new subscriber, while the old ones still hold their (ended) subscriptions, listens afresh.
              const events = yield* feed.subscribe();
              expect(listeners.opened).toBe(2);
              const next = yield* Effect.forkScoped(Stream.runCollect(Stream.take(events, 1)));
              const later = yield* createOrg("agency");
              expect((yield* Fiber.join(next))[0]?.audit).toBe(later);
            }),
          );
          expect(listeners.open).toBe(0);
        }).pipe(Effect.scoped, Effect.provide(StoreLive)),
    );
  },
  { setup },
);

// LISTEN/NOTIFY through both drivers: delivery, transactional delivery, and delivery across clients.
// This is how several API processes on one database learn of each other's commits.
import { expect } from "@effect/vitest";
import { Effect, Exit, Fiber, Layer, Stream } from "effect";
import { SqlClient } from "effect/sql";
import { Notifications } from "../src/listen.ts";
import { describeBothBackends, TestDatabase } from "./support/both-backends.ts";

class Refused {
  readonly _tag = "Refused";
}

/** Listens on `channel` and collects its first `count` payloads in a background fiber. */
const collect = (channel: string, count: number) =>
  Effect.gen(function* () {
    const notifications = yield* Notifications;
    const payloads = yield* notifications.subscribe(channel);
    return yield* Effect.forkScoped(Stream.runCollect(Stream.take(payloads, count)));
  });

describeBothBackends("notifications", (_getSql, it) => {
  it.effect("delivers a NOTIFY to a listener on the channel", () =>
    Effect.gen(function* () {
      const notifications = yield* Notifications;
      const received = yield* collect("grants_changed", 2);
      yield* notifications.notify("other_channel", "not this one");
      yield* notifications.notify("grants_changed", "org:acme");
      yield* notifications.notify("grants_changed", '{"grant":"g1","version":2}');
      expect(yield* Fiber.join(received)).toEqual(["org:acme", '{"grant":"g1","version":2}']);
    }),
  );

  it.effect("delivers a NOTIFY from a transaction only when it commits", () =>
    Effect.gen(function* () {
      const sql = yield* SqlClient.SqlClient;
      const notifications = yield* Notifications;
      const received = yield* collect("audit", 2);
      const rolledBack = yield* Effect.exit(
        sql.withTransaction(
          Effect.andThen(notifications.notify("audit", "rolled back"), Effect.fail(new Refused())),
        ),
      );
      expect(Exit.isFailure(rolledBack)).toBe(true);
      yield* sql.withTransaction(
        Effect.andThen(notifications.notify("audit", "first"), notifications.notify("audit", "second")),
      );
      expect(yield* Fiber.join(received)).toEqual(["first", "second"]);
    }),
  );

  it.effect("reaches a listener on a second client of the same database", () =>
    Effect.gen(function* () {
      const database = yield* TestDatabase;
      const second = yield* Layer.build(database.secondClient);
      const received = yield* Effect.provide(collect("snapshot", 1), second);
      const notifications = yield* Notifications;
      yield* notifications.notify("snapshot", "from the first client");
      expect(yield* Fiber.join(received)).toEqual(["from the first client"]);
    }),
  );

  it.effect("listens as a stream for as long as the stream runs", () =>
    Effect.gen(function* () {
      const notifications = yield* Notifications;
      const first = yield* collect("ticks", 1);
      const stream = yield* Effect.forkScoped(
        Stream.runCollect(Stream.take(notifications.listen("ticks"), 1)),
      );
      // The stream listens once it runs; keep sending until both listeners have had one.
      while (stream.pollUnsafe() === undefined) {
        yield* notifications.notify("ticks", "tick");
        yield* Effect.sleep("10 millis");
      }
      expect(yield* Fiber.join(first)).toEqual(["tick"]);
      expect(yield* Fiber.join(stream)).toEqual(["tick"]);
    }),
  );

  it.effect("refuses a channel name the two backends would spell differently", () =>
    Effect.gen(function* () {
      const notifications = yield* Notifications;
      const exit = yield* Effect.exit(notifications.notify("Grants-Changed", "x"));
      expect(Exit.hasDies(exit)).toBe(true);
    }),
  );
});

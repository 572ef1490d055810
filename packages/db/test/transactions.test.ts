// Transactions through both drivers: commit, rollback on failure, savepoints, and concurrent writers.
// An error inside sql.withTransaction must leave nothing behind, on PGlite as on PostgreSQL.
import { expect } from "@effect/vitest";
import { Deferred, Effect, Exit } from "effect";
import { SqlClient } from "effect/sql";
import { describeBothBackends } from "./support/both-backends.ts";
import { countItems, driverSchema } from "./support/schema.ts";

class Refused {
  readonly _tag = "Refused";
}

const insertItem = (id: number) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* sql`insert into items (id, name) values (${id}, 'item')`;
  });

const itemIds = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const rows = yield* sql<{ readonly id: number }>`select id from items order by id`;
  return rows.map((row) => row.id);
});

describeBothBackends(
  "transactions",
  (_getSql, it) => {
    it.effect("commits every statement of a successful transaction", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* sql.withTransaction(Effect.all([insertItem(1), insertItem(2)]));
        expect(yield* itemIds).toEqual([1, 2]);
      }),
    );

    it.effect("leaves nothing behind when the transaction fails", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const exit = yield* Effect.exit(
          sql.withTransaction(
            Effect.gen(function* () {
              yield* insertItem(1);
              yield* insertItem(2);
              return yield* Effect.fail(new Refused());
            }),
          ),
        );
        expect(exit).toEqual(Exit.fail(new Refused()));
        expect(yield* countItems).toBe(0);
      }),
    );

    it.effect("rolls back when a statement fails, with the SQL error", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const failure = yield* Effect.flip(sql.withTransaction(Effect.andThen(insertItem(1), insertItem(1))));
        expect(failure.reason._tag).toBe("UniqueViolation");
        expect(yield* countItems).toBe(0);
      }),
    );

    it.effect("refuses to commit a transaction whose failed statement was caught", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const failure = yield* Effect.flip(
          sql.withTransaction(Effect.andThen(insertItem(1), Effect.ignore(insertItem(1)))),
        );
        expect(failure.message).toContain("COMMIT rolled back");
        expect(yield* countItems).toBe(0);
        yield* insertItem(3);
        expect(yield* itemIds).toEqual([3]);
      }),
    );

    it.effect("rolls back a failed nested transaction to its savepoint only", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* sql.withTransaction(
          Effect.gen(function* () {
            yield* insertItem(1);
            const inner = yield* Effect.exit(
              sql.withTransaction(Effect.andThen(insertItem(2), Effect.fail(new Refused()))),
            );
            expect(Exit.isFailure(inner)).toBe(true);
            yield* sql.withTransaction(insertItem(3));
            yield* sql.withTransaction(sql.withTransaction(insertItem(4)));
          }),
        );
        expect(yield* itemIds).toEqual([1, 3, 4]);
      }),
    );

    it.effect("discards committed savepoints when the outer transaction fails", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const exit = yield* Effect.exit(
          sql.withTransaction(Effect.andThen(sql.withTransaction(insertItem(1)), Effect.fail(new Refused()))),
        );
        expect(Exit.isFailure(exit)).toBe(true);
        expect(yield* countItems).toBe(0);
      }),
    );

    it.effect("keeps concurrent read-modify-write transactions from losing updates", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const increment = sql.withTransaction(
          Effect.gen(function* () {
            const [row] = yield* sql<{ value: number }>`
              select value from counters where name = 'shared' for update`;
            yield* sql`update counters set value = ${(row?.value ?? 0) + 1} where name = 'shared'`;
          }),
        );
        yield* Effect.all(
          Array.from({ length: 12 }, () => increment),
          { concurrency: "unbounded" },
        );
        const [row] = yield* sql<{ value: number }>`select value from counters where name = 'shared'`;
        expect(row?.value).toBe(12);
      }),
    );

    it.effect("keeps a concurrent statement out of another fiber's transaction", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const started = yield* Deferred.make<void>();
        // On one PGlite session, a statement let in during the transaction would be rolled back with it.
        const doomed = sql.withTransaction(
          Effect.gen(function* () {
            yield* insertItem(1);
            yield* Deferred.succeed(started, undefined);
            yield* Effect.sleep("20 millis");
            return yield* Effect.fail(new Refused());
          }),
        );
        const outside = Effect.andThen(Deferred.await(started), insertItem(2));
        const [transaction] = yield* Effect.all([Effect.exit(doomed), outside], { concurrency: "unbounded" });
        expect(Exit.isFailure(transaction)).toBe(true);
        expect(yield* itemIds).toEqual([2]);
      }),
    );
  },
  { setup: driverSchema },
);

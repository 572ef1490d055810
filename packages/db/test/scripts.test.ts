// Parameterless multi-statement SQL through `.unprepared` on both backends: run in order, atomically.
// PGlite sends it through the simple protocol; a PostgreSQL server gets it as one DO block.
import { expect } from "@effect/vitest";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { describeBothBackends } from "./support/both-backends.ts";
import { countItems, driverSchema } from "./support/schema.ts";

describeBothBackends(
  "multi-statement scripts",
  (_getSql, it) => {
    it.effect("runs every statement of a script in order", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const rows = yield* sql.unsafe(`
          create table notes (id int primary key, body text);
          insert into notes values (1, 'semi;colon'), (2, $$dollar; quoted$$);
          -- a comment; with a semicolon
          update notes set body = body || '!' where id = 2;
        `).unprepared;
        expect(rows).toEqual([]);
        const notes = yield* sql`select id, body from notes order by id`;
        expect(notes).toEqual([
          { id: 1, body: "semi;colon" },
          { id: 2, body: "dollar; quoted!" },
        ]);
      }),
    );

    it.effect("applies nothing of a script whose later statement fails", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const failure = yield* Effect.flip(
          sql.unsafe("insert into items (id, name) values (1, 'kept?'); insert into missing_table values (1)")
            .unprepared,
        );
        expect(failure.reason._tag).toBe("SqlSyntaxError");
        expect(yield* countItems).toBe(0);
      }),
    );

    it.effect("returns the rows of a single unprepared statement", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        expect(yield* sql.unsafe("select 41 + 1 as answer").unprepared).toEqual([{ answer: 42 }]);
        expect(yield* sql.unsafe("select $1::int as n", [7]).unprepared).toEqual([{ n: 7 }]);
      }),
    );

    it.effect("runs a script inside a transaction that later rolls back", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const script = sql.unsafe(
          "insert into items (id, name) values (1, 'a'); insert into items (id, name) values (2, 'b')",
        ).unprepared;
        yield* Effect.exit(sql.withTransaction(Effect.andThen(script, Effect.fail("undo"))));
        expect(yield* countItems).toBe(0);
        yield* sql.withTransaction(script);
        expect(yield* countItems).toBe(2);
      }),
    );
  },
  { setup: driverSchema },
);

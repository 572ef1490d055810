// Values through both drivers: bound parameters, JSON and JSONB, timestamps and the other column types.
// The two backends must hand back the same JavaScript values for the same SQL, or code would differ by backend.
import { expect } from "@effect/vitest";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { describeBothBackends } from "./support/both-backends.ts";
import { driverSchema } from "./support/schema.ts";

describeBothBackends(
  "values",
  (_getSql, it) => {
    it.effect("binds parameters as values, never as SQL", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const hostile = "x'); drop table items; --";
        yield* sql`insert into items ${sql.insert({ id: 1, name: hostile, flag: true })}`;
        yield* sql`insert into items (id, name, flag) values (${2}, ${"plain"}, ${false})`;
        const rows = yield* sql<{ id: number; name: string }>`
          select id, name from items where ${sql.in("id", [1, 2])} and name <> ${""} order by id`;
        expect(rows).toEqual([
          { id: 1, name: hostile },
          { id: 2, name: "plain" },
        ]);
        const byIdentifier = yield* sql<{
          name: string;
        }>`select ${sql("name")} from ${sql("items")} where id = ${1}`;
        expect(byIdentifier).toEqual([{ name: hostile }]);
      }),
    );

    it.effect("infers the same parameter types on both backends", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const [row] = yield* sql`select ${5} as int, ${2.5} as float, ${true} as bool, ${"5"} as text,
          ${10n} as big, ${null}::text as nothing, ${["a", "b"]} as list`;
        expect(row).toEqual({
          int: 5,
          float: 2.5,
          bool: true,
          text: "5",
          big: 10n,
          nothing: null,
          list: ["a", "b"],
        });
      }),
    );

    it.effect("refuses a plain object as a parameter on both backends", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const failure = yield* Effect.flip(sql`select ${{ a: 1 } as unknown as string} as value`);
        expect(failure._tag).toBe("SqlError");
      }),
    );

    it.effect("round-trips JSON documents through jsonb and json", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const doc = { role: "editor", levels: [1, 2, 3], nested: { ok: true, none: null }, text: 'é ✓ "q"' };
        yield* sql`insert into items (id, name, doc) values (1, 'doc', ${JSON.stringify(doc)}::jsonb)`;
        const [stored] = yield* sql<{ doc: unknown; role: string }>`
          select doc, doc ->> 'role' as role from items where id = 1`;
        expect(stored).toEqual({ doc, role: "editor" });
        const [asJson] = yield* sql<{ value: unknown }>`select ${JSON.stringify(doc)}::json as value`;
        expect(asJson?.value).toEqual(doc);
        const matching =
          yield* sql`select id from items where doc @> ${JSON.stringify({ role: "editor" })}::jsonb`;
        expect(matching).toEqual([{ id: 1 }]);
      }),
    );

    it.effect("round-trips timestamps as instants and dates as text", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const at = new Date("2024-02-29T23:59:58.123Z");
        yield* sql`insert into items (id, name, at, local_at, day)
          values (1, 'time', ${at}, '2024-02-29 23:59:58.123', '2024-02-29')`;
        const [row] = yield* sql<{ at: Date; local_at: Date; day: string; later: boolean }>`
          select at, local_at, day, at > ${new Date("2024-01-01T00:00:00Z")} as later from items where id = 1`;
        expect(row?.at).toBeInstanceOf(Date);
        expect(row?.at.toISOString()).toBe(at.toISOString());
        expect(row?.local_at.toISOString()).toBe("2024-02-29T23:59:58.123Z");
        expect(row?.day).toBe("2024-02-29");
        expect(row?.later).toBe(true);
        const [now] = yield* sql<{ now: Date }>`select now() as now`;
        expect(now?.now).toBeInstanceOf(Date);
      }),
    );

    it.effect("returns the other column types alike", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* sql`insert into items (id, name, tags, big, amount, flag, raw)
          values (1, 'types', ${["a", "b c"]}, ${9007199254740993n}, ${"12.50"}, ${false}, ${new Uint8Array([0, 255, 7])})`;
        const [row] = yield* sql<Record<string, unknown>>`
          select tags, big, amount, flag, raw, 2::int4 as small from items where id = 1`;
        expect(row).toEqual({
          tags: ["a", "b c"],
          big: 9007199254740993n,
          amount: "12.50",
          flag: false,
          raw: new Uint8Array([0, 255, 7]),
          small: 2,
        });
      }),
    );

    it.effect("classifies a unique violation with its constraint", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* sql`insert into items (id, name) values (1, 'first')`;
        const failure = yield* Effect.flip(sql`insert into items (id, name) values (1, 'again')`);
        expect(failure.reason._tag).toBe("UniqueViolation");
        expect(failure.reason._tag === "UniqueViolation" ? failure.reason.constraint : "").toBe("items_pkey");
      }),
    );
  },
  { setup: driverSchema },
);

// The small schema the driver tests run against, built once into each backend's template database.
// Not Gatehouse's schema (that is the migrations'): just one column of each type the drivers must agree on.
import { Effect } from "effect";
import { SqlClient } from "effect/sql";

export const driverSchema = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* sql`create table items (
    id integer primary key,
    name text not null,
    doc jsonb,
    tags text[],
    at timestamptz,
    local_at timestamp,
    day date,
    big bigint,
    amount numeric(10, 2),
    flag boolean,
    raw bytea
  )`;
  yield* sql`create table counters (name text primary key, value integer not null)`;
  yield* sql`insert into counters (name, value) values ('shared', 0)`;
});

/** The number of rows in `items`. */
export const countItems = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const rows = yield* sql<{ readonly n: number }>`select count(*)::int as n from items`;
  return rows[0]?.n ?? -1;
});

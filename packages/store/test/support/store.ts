// Shared pieces of the store's tests: the migrated template, the store layer and small SQL helpers.
// Every suite runs on PGlite and PostgreSQL through describeBothBackends with `{ setup: runMigrations }`.
import { runMigrations } from "@gatehouse/db";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { Roles } from "../../src/roles.ts";

/** The template every test database copies (a module-level constant, so PGlite builds it once). */
export const setup = runMigrations;

/** Rows in a table, as a number. */
export const count = (table: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql<{ readonly n: number }>`select count(*)::int as n from ${sql(table)}`;
    return rows[0]?.n ?? -1;
  });

/** The system roles, which grants reference. */
export const seedRoles = Effect.gen(function* () {
  const roles = yield* Roles;
  return yield* roles.seedSystemRoles();
});

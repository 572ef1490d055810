// Migration 12 on PGlite and PostgreSQL: an account may be deactivated (with when and by whom) and only a
// deactivated account carries a deactivation time; existing rows keep their status.
import { expect } from "@effect/vitest";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { migrationStatements } from "../src/migrations/index.ts";
import { runStatements } from "../src/migrations/run-statements.ts";
import { describeBothBackends } from "./support/both-backends.ts";

const TWELVE = "0012_account_status";
const before = migrationStatements.filter(([name]) => name < TWELVE).flatMap(([, statements]) => statements);
const twelve = migrationStatements.find(([name]) => name === TWELVE)?.[1] ?? [];

describeBothBackends(
  "migration 12: account status",
  (_getSql, it) => {
    it.effect("allows deactivated accounts with a time, and no time without the status", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* sql`insert into organizations (id, name, kind) values ('acme', 'Acme', 'customer')`;
        yield* sql`insert into users (id, org, email, name, status, password_hash) values
                   ('ann', 'acme', 'ann@acme.example', 'Ann', 'active', 'hash')`;
        yield* runStatements(twelve);
        yield* sql`update users set status = 'deactivated', deactivated_at = now(), deactivated_by = 'bob'
                   where id = 'ann'`;
        const rows = yield* sql<{ readonly status: string; readonly deactivated_by: string }>`
          select status, deactivated_by from users`;
        expect(rows).toEqual([{ status: "deactivated", deactivated_by: "bob" }]);
        const untimed = yield* Effect.exit(sql`update users set deactivated_at = null where id = 'ann'`);
        expect(untimed._tag).toBe("Failure");
        const timedActive = yield* Effect.exit(sql`update users set status = 'active' where id = 'ann'`);
        expect(timedActive._tag).toBe("Failure");
      }),
    );
  },
  { setup: runStatements(before) },
);

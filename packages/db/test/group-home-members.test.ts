// Migration 9 on PGlite and PostgreSQL: stored group memberships that cross organizations are dropped, the rest
// keep their organization, and the schema refuses a new member from another organization than the group's.
import { expect } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { SqlClient } from "effect/sql";
import { migrationStatements } from "../src/migrations/index.ts";
import { runStatements } from "../src/migrations/run-statements.ts";
import { describeBothBackends } from "./support/both-backends.ts";

const NINE = "0009_group_home_members";
const before = migrationStatements.filter(([name]) => name < NINE).flatMap(([, statements]) => statements);
const nine = migrationStatements.find(([name]) => name === NINE)?.[1] ?? [];

/** acme's product group holds acme's own user and, as stored before migration 9, agency's partner. */
const world = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* sql`insert into organizations (id, name, kind) values ('acme', 'Acme', 'customer'), ('agency', 'Agency', 'partner')`;
  yield* sql`insert into users (id, org, email, name) values
             ('own', 'acme', 'own@acme.example', 'Own'), ('partner', 'agency', 'partner@agency.example', 'Partner')`;
  yield* sql`insert into groups (id, org, name, kind) values ('crew', 'acme', 'Crew', 'custom')`;
});

describeBothBackends(
  "migration 9: group home members",
  (_getSql, it) => {
    it.effect("drops cross-organization memberships and keeps the organization's own", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* world;
        yield* sql`insert into group_members (group_id, user_id) values ('crew', 'own'), ('crew', 'partner')`;
        yield* runStatements(nine);
        const rows = yield* sql<{ readonly user_id: string; readonly org: string }>`
          select user_id, org from group_members order by user_id`;
        expect(rows).toEqual([{ user_id: "own", org: "acme" }]);
      }),
    );

    it.effect("refuses a member of another organization, and one claiming the wrong organization", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* world;
        yield* runStatements(nine);
        const foreign = yield* Effect.exit(
          sql`insert into group_members (group_id, user_id, org) values ('crew', 'partner', 'acme')`,
        );
        const claimed = yield* Effect.exit(
          sql`insert into group_members (group_id, user_id, org) values ('crew', 'partner', 'agency')`,
        );
        expect(Exit.isFailure(foreign)).toBe(true);
        expect(Exit.isFailure(claimed)).toBe(true);
        yield* sql`insert into group_members (group_id, user_id, org) values ('crew', 'own', 'acme')`;
        const count = yield* sql<{ readonly n: number }>`select count(*)::int as n from group_members`;
        expect(count[0]?.n).toBe(1);
      }),
    );
  },
  { setup: runStatements(before) },
);

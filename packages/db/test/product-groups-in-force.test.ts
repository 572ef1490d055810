// Migration 11 on PGlite and PostgreSQL: a product-group membership resting only on a time-limited grant of the
// group's role is dropped; one resting on a grant without expiry, and custom group memberships, stay.
import { expect } from "@effect/vitest";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { migrationStatements } from "../src/migrations/index.ts";
import { runStatements } from "../src/migrations/run-statements.ts";
import { describeBothBackends } from "./support/both-backends.ts";

const ELEVEN = "0011_product_groups_in_force";
const before = migrationStatements.filter(([name]) => name < ELEVEN).flatMap(([, statements]) => statements);
const eleven = migrationStatements.find(([name]) => name === ELEVEN)?.[1] ?? [];

describeBothBackends(
  "migration 11: product groups in force",
  (_getSql, it) => {
    it.effect("drops memberships that rest on expiring grants only", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* sql`insert into organizations (id, name, kind) values ('acme', 'Acme', 'customer')`;
        yield* sql`insert into users (id, org, email, name) values
                   ('kept', 'acme', 'kept@acme.example', 'Kept'), ('lapsed', 'acme', 'lapsed@acme.example', 'Lapsed')`;
        yield* sql`insert into roles (id, product, type, name) values ('cms:content-editors', 'cms', 'system', 'Editors')`;
        yield* sql`insert into groups (id, org, name, kind, role) values
                   ('editors', 'acme', 'CMS Content Editors', 'product', 'cms:content-editors')`;
        yield* sql`insert into groups (id, org, name, kind) values ('crew', 'acme', 'Crew', 'custom')`;
        yield* sql`insert into grants (id, subject_kind, subject_id, role, org, expires_at) values
                   ('g1', 'user', 'kept', 'cms:content-editors', 'acme', null),
                   ('g2', 'user', 'lapsed', 'cms:content-editors', 'acme', now() + interval '1 day')`;
        yield* sql`insert into group_members (group_id, user_id, org) values
                   ('editors', 'kept', 'acme'), ('editors', 'lapsed', 'acme'), ('crew', 'lapsed', 'acme')`;
        yield* runStatements(eleven);
        const rows = yield* sql<{ readonly group_id: string; readonly user_id: string }>`
          select group_id, user_id from group_members order by group_id, user_id`;
        expect(rows).toEqual([
          { group_id: "crew", user_id: "lapsed" },
          { group_id: "editors", user_id: "kept" },
        ]);
      }),
    );
  },
  { setup: runStatements(before) },
);

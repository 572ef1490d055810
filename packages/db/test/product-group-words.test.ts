// Migration 18 on PGlite and PostgreSQL: a product group described by its role's raw id ("Everyone granted <id>") is
// described in words from its name; a description an operator wrote, and custom groups, are left as they are.
import { expect } from "@effect/vitest";
import { Effect } from "effect";
import { SqlClient } from "effect/sql";
import { migrationStatements } from "../src/migrations/index.ts";
import { runStatements } from "../src/migrations/run-statements.ts";
import { describeBothBackends } from "./support/both-backends.ts";

const EIGHTEEN = "0018_product_group_words";
const before = migrationStatements
  .filter(([name]) => name < EIGHTEEN)
  .flatMap(([, statements]) => statements);
const eighteen = migrationStatements.find(([name]) => name === EIGHTEEN)?.[1] ?? [];

describeBothBackends(
  "migration 18: product groups described in words",
  (_getSql, it) => {
    it.effect("rewords the raw role id of a product group's description, and nothing else", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* sql`insert into organizations (id, name, kind) values ('acme', 'Acme', 'customer')`;
        for (const [id, product] of [
          ["mission-control:customerUser", "mission-control"],
          ["admin-center:super-admin", "admin-center"],
        ])
          yield* sql`insert into roles (id, product, type, name) values (${id}, ${product}, 'system', ${id})`;
        yield* sql`insert into groups (id, org, name, description, kind, role) values
          ('g-mc', 'acme', 'Mission Control customerUser', 'Everyone granted mission-control:customerUser',
           'product', 'mission-control:customerUser'),
          ('g-own', 'acme', 'Opti ID Admin Center Super Admin', 'Our admins', 'product', 'admin-center:super-admin'),
          ('g-custom', 'acme', 'Night shift', 'Everyone granted mission-control:customerUser', 'custom', null)`;
        yield* runStatements(eighteen);
        const rows = yield* sql<{ readonly id: string; readonly description: string }>`
          select id, description from groups order by id`;
        expect(rows).toEqual([
          { id: "g-custom", description: "Everyone granted mission-control:customerUser" },
          {
            id: "g-mc",
            description: "Everyone given Mission Control customerUser directly, with no end date",
          },
          { id: "g-own", description: "Our admins" },
        ]);
      }),
    );
  },
  { setup: runStatements(before) },
);

// Gatehouse's schema migrations on PGlite and on PostgreSQL: applied once, idempotent on re-run,
// and the constraints the API relies on (grant shape, optimistic versions, cascades) hold on both.
import { expect } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { SqlClient } from "effect/sql";
import { migrationStatements, runMigrations } from "../src/migrations/index.ts";
import { describeBothBackends } from "./support/both-backends.ts";

const seedOrg = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* sql`insert into organizations (id, name, kind) values ('acme', 'Acme', 'customer')`;
  yield* sql`insert into users (id, org, email, name) values ('u1', 'acme', 'ana@acme.example', 'Ana')`;
  yield* sql`insert into instances (id, org, product, name) values ('prod', 'acme', 'mission-control', 'Production')`;
});

const count = (table: string) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    const rows = yield* sql<{ readonly n: number }>`select count(*)::int as n from ${sql(table)}`;
    return rows[0]?.n ?? -1;
  });

describeBothBackends(
  "schema migrations",
  (_getSql, it) => {
    it.effect("has applied every migration, and a second run applies none", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        const applied = yield* sql<{
          readonly n: number;
        }>`select count(*)::int as n from gatehouse_migrations`;
        expect(applied[0]?.n).toBe(migrationStatements.length);
        expect(yield* runMigrations).toEqual([]);
      }),
    );

    it.effect("refuses a grant holding both a role and a permission, or neither", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* seedOrg;
        const both = yield* Effect.exit(
          sql`insert into grants (id, subject_kind, subject_id, role, permission, org, product, instance)
              values ('g1', 'user', 'u1', 'mission-control:customerUser', 'mission-control:site.view', 'acme', 'mission-control', 'prod')`,
        );
        const neither = yield* Effect.exit(
          sql`insert into grants (id, subject_kind, subject_id, org, product, instance)
              values ('g2', 'user', 'u1', 'acme', 'mission-control', 'prod')`,
        );
        expect(Exit.isFailure(both)).toBe(true);
        expect(Exit.isFailure(neither)).toBe(true);
        expect(yield* count("grants")).toBe(0);
      }),
    );

    it.effect("updates a versioned row once; a stale version changes nothing", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* seedOrg;
        const first = yield* sql`update organizations set name = 'Acme Inc', version = version + 1
                                 where id = 'acme' and version = 1 returning id`;
        const stale = yield* sql`update organizations set name = 'Acme Stale', version = version + 1
                                 where id = 'acme' and version = 1 returning id`;
        expect(first).toHaveLength(1);
        expect(stale).toHaveLength(0);
        const rows = yield* sql<{ readonly name: string }>`select name from organizations where id = 'acme'`;
        expect(rows[0]?.name).toBe("Acme Inc");
      }),
    );

    it.effect("removes what an organization owns with it", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* seedOrg;
        yield* sql`insert into grants (id, subject_kind, subject_id, permission, org, product, instance)
                   values ('g1', 'user', 'u1', 'mission-control:site.view', 'acme', 'mission-control', 'prod')`;
        yield* sql`delete from organizations where id = 'acme'`;
        expect(yield* count("users")).toBe(0);
        expect(yield* count("instances")).toBe(0);
        expect(yield* count("grants")).toBe(0);
      }),
    );
  },
  { setup: runMigrations },
);

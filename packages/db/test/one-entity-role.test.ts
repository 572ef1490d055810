// Migration 17 on PGlite and PostgreSQL: where a subject held several roles on one flag or environment, the one in
// force and most restrictive is kept (an audit row names each one held); then the database refuses a second one.
import { expect } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { SqlClient } from "effect/sql";
import { migrationStatements } from "../src/migrations/index.ts";
import { runStatements } from "../src/migrations/run-statements.ts";
import { describeBothBackends } from "./support/both-backends.ts";

const SEVENTEEN = "0017_one_entity_role";
const before = migrationStatements
  .filter(([name]) => name < SEVENTEEN)
  .flatMap(([, statements]) => statements);
const seventeen = migrationStatements.find(([name]) => name === SEVENTEEN)?.[1] ?? [];
const X = "experimentation";

/** acme's Feature project p1 (environment prod, flag f1), users ann and bob, group g. */
const seed = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* sql`insert into organizations (id, name, kind) values ('acme', 'Acme', 'customer')`;
  yield* sql`insert into users (id, org, email, name) values
             ('ann', 'acme', 'ann@acme.example', 'Ann'), ('bob', 'acme', 'bob@acme.example', 'Bob')`;
  yield* sql`insert into instances (id, org, product, name) values ('e1', 'acme', 'experimentation', 'Exp')`;
  yield* sql`insert into projects (id, org, instance, name, platform) values ('p1', 'acme', 'e1', 'P1', 'feature')`;
  yield* sql`insert into environments (id, project, key, name, production, is_primary)
             values ('prod', 'p1', 'production', 'Production', true, true)`;
  yield* sql`insert into flags (id, project, key, name) values ('f1', 'p1', 'f1', 'F1')`;
  for (const r of ["flag-admin", "flag-none", "env-admin", "env-viewer"])
    yield* sql`insert into roles (id, product, type, name) values (${`${X}:${r}`}, ${X}, 'system', ${r})`;
});

const grant = (
  id: string,
  user: string,
  role: string,
  at: { environment?: string; flag?: string },
  expired = false,
) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* sql`insert into grants (id, subject_kind, subject_id, role, org, product, instance, project, environment,
                                   flag, expires_at)
               values (${id}, 'user', ${user}, ${`${X}:${role}`}, 'acme', ${X}, 'e1', 'p1', ${at.environment ?? null},
                       ${at.flag ?? null}, ${expired ? new Date(Date.now() - 60_000) : null})`;
  });

describeBothBackends(
  "migration 17: one role per subject on a flag or an environment",
  (_getSql, it) => {
    it.effect(
      "keeps the role in force and most restrictive, audits what was held, then refuses a second",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          yield* seed;
          yield* grant("a-admin", "ann", "flag-admin", { flag: "f1" });
          yield* grant("a-none", "ann", "flag-none", { flag: "f1" });
          yield* grant("b-viewer", "bob", "env-viewer", { environment: "prod" }, true);
          yield* grant("b-admin", "bob", "env-admin", { environment: "prod" });
          yield* grant("b-flag", "bob", "flag-admin", { flag: "f1" });
          yield* runStatements(seventeen);
          const kept = yield* sql<{ readonly id: string }>`select id from grants order by id`;
          expect(kept.map((g) => g.id)).toEqual(["a-none", "b-admin", "b-flag"]);
          const audit = yield* sql<{ readonly target_id: string; readonly before: unknown }>`
          select target_id, before from audit_log where action = 'grant.entity-roles-merge' order by target_id`;
          expect(audit.map((a) => a.target_id)).toEqual(["a-none", "b-admin"]);
          const held = (a: unknown) =>
            (typeof a === "string" ? JSON.parse(a) : a) as { grants: Array<{ id: string }> };
          expect(held(audit[0]?.before).grants.map((g) => g.id)).toEqual(["a-none", "a-admin"]);
          const second = yield* Effect.exit(grant("a-again", "ann", "flag-admin", { flag: "f1" }));
          expect(Exit.isFailure(second)).toBe(true);
          // a permission beside the role is not a second role
          yield* sql`insert into grants (id, subject_kind, subject_id, permission, org, product, instance, project, flag)
                   values ('a-perm', 'user', 'ann', ${`${X}:flag.view`}, 'acme', ${X}, 'e1', 'p1', 'f1')`;
        }),
    );
  },
  { setup: runStatements(before) },
);

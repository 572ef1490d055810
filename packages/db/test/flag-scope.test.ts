// Migration 14 on PGlite and PostgreSQL: per-environment flag grants become one grant per subject and flag at the
// flag scope, the most restrictive kept where environments disagreed (with an audit row naming each); a flag scope
// without an environment is accepted, a flag role in one environment and a flag without its project are refused.
import { expect } from "@effect/vitest";
import { Effect, Exit } from "effect";
import { SqlClient } from "effect/sql";
import { migrationStatements } from "../src/migrations/index.ts";
import { runStatements } from "../src/migrations/run-statements.ts";
import { describeBothBackends } from "./support/both-backends.ts";

const FOURTEEN = "0014_flag_scope";
const before = migrationStatements
  .filter(([name]) => name < FOURTEEN)
  .flatMap(([, statements]) => statements);
const fourteen = migrationStatements.find(([name]) => name === FOURTEEN)?.[1] ?? [];
const X = "experimentation";

/** acme's Feature project p1 (environments prod and dev, flags f1 and f2), users ann, bob, cy, dee. */
const seed = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  yield* sql`insert into organizations (id, name, kind) values ('acme', 'Acme', 'customer')`;
  yield* sql`insert into users (id, org, email, name) values
             ('ann', 'acme', 'ann@acme.example', 'Ann'), ('bob', 'acme', 'bob@acme.example', 'Bob'),
             ('cy', 'acme', 'cy@acme.example', 'Cy'), ('dee', 'acme', 'dee@acme.example', 'Dee')`;
  yield* sql`insert into instances (id, org, product, name) values ('e1', 'acme', 'experimentation', 'Exp')`;
  yield* sql`insert into projects (id, org, instance, name, platform) values ('p1', 'acme', 'e1', 'P1', 'feature')`;
  yield* sql`insert into environments (id, project, key, name, production, is_primary) values
             ('prod', 'p1', 'production', 'Production', true, true),
             ('dev', 'p1', 'development', 'Development', false, false)`;
  yield* sql`insert into flags (id, project, key, name) values ('f1', 'p1', 'f1', 'F1'), ('f2', 'p1', 'f2', 'F2')`;
  for (const r of ["editor", "flag-admin", "flag-editor", "flag-viewer", "flag-none"])
    yield* sql`insert into roles (id, product, type, name) values (${`${X}:${r}`}, ${X}, 'system', ${r})`;
});

const grant = (id: string, user: string, role: string, environment: string | null, flag: string | null) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient;
    yield* sql`insert into grants (id, subject_kind, subject_id, role, org, product, instance, project, environment, flag)
               values (${id}, 'user', ${user}, ${`${X}:${role}`}, 'acme', ${X}, 'e1', 'p1', ${environment}, ${flag})`;
  });

interface Row {
  readonly id: string;
  readonly subject_id: string;
  readonly role: string;
  readonly environment: string | null;
  readonly flag: string | null;
}

describeBothBackends(
  "migration 14: flag roles at the flag scope",
  (_getSql, it) => {
    it.effect(
      "merges per-environment flag grants into one per flag, the most restrictive, and audits disagreements",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          yield* seed;
          yield* grant("a-p", "ann", "editor", null, null);
          // ann: agreed in both environments → one flag-editor grant, no audit row
          yield* grant("a-1", "ann", "flag-editor", "prod", "f1");
          yield* grant("a-2", "ann", "flag-editor", "dev", "f1");
          // bob: disagreed (viewer in prod, admin in dev) → flag-viewer kept, audited
          yield* grant("b-1", "bob", "flag-admin", "dev", "f1");
          yield* grant("b-2", "bob", "flag-viewer", "prod", "f1");
          // cy: flag-none in production only (development had the default) → flag-none everywhere, audited
          yield* grant("c-1", "cy", "flag-none", "prod", "f2");
          // dee: an environment grant stays where it is
          yield* sql`insert into grants (id, subject_kind, subject_id, permission, org, product, instance, project, environment, flag)
                   values ('d-1', 'user', 'dee', 'experimentation:flag.toggle', 'acme', ${X}, 'e1', 'p1', 'prod', 'f1')`;
          yield* runStatements(fourteen);

          const rows =
            yield* sql<Row>`select id, subject_id, coalesce(role, permission) as role, environment, flag
                                     from grants order by id`;
          expect(rows).toEqual([
            { id: "a-1", subject_id: "ann", role: `${X}:flag-editor`, environment: null, flag: "f1" },
            { id: "a-p", subject_id: "ann", role: `${X}:editor`, environment: null, flag: null },
            { id: "b-2", subject_id: "bob", role: `${X}:flag-viewer`, environment: null, flag: "f1" },
            { id: "c-1", subject_id: "cy", role: `${X}:flag-none`, environment: null, flag: "f2" },
            { id: "d-1", subject_id: "dee", role: `${X}:flag.toggle`, environment: "prod", flag: "f1" },
          ]);

          const audit = yield* sql<{
            readonly actor_kind: string;
            readonly action: string;
            readonly target_id: string;
            readonly before: unknown;
            readonly after: unknown;
          }>`select actor_kind, action, target_id, before, after from audit_log order by target_id`;
          const parsed = audit.map((a) => ({
            ...a,
            before: typeof a.before === "string" ? JSON.parse(a.before) : a.before,
            after: typeof a.after === "string" ? JSON.parse(a.after) : a.after,
          }));
          const scope = (flag: string) => ({ org: "acme", product: X, instance: "e1", project: "p1", flag });
          expect(parsed).toEqual([
            {
              actor_kind: "system",
              action: "grant.flag-roles-merge",
              target_id: "b-2",
              before: {
                subject: { kind: "user", id: "bob" },
                scope: scope("f1"),
                environments: [
                  { environment: "dev", role: `${X}:flag-admin` },
                  { environment: "prod", role: `${X}:flag-viewer` },
                ],
              },
              after: expect.objectContaining({ id: "b-2", role: `${X}:flag-viewer`, scope: scope("f1") }),
            },
            {
              actor_kind: "system",
              action: "grant.flag-roles-merge",
              target_id: "c-1",
              before: {
                subject: { kind: "user", id: "cy" },
                scope: scope("f2"),
                environments: [{ environment: "prod", role: `${X}:flag-none` }],
              },
              after: expect.objectContaining({ id: "c-1", role: `${X}:flag-none`, scope: scope("f2") }),
            },
          ]);
        }),
    );

    it.effect(
      "accepts a flag scope without environment; refuses a flag role in one environment and a flag without project",
      () =>
        Effect.gen(function* () {
          const sql = yield* SqlClient.SqlClient;
          yield* seed;
          yield* runStatements(fourteen);
          yield* grant("ok", "ann", "flag-none", null, "f1");
          const perEnvironment = yield* Effect.exit(grant("per-env", "ann", "flag-viewer", "prod", "f1"));
          const noProject = yield* Effect.exit(
            sql`insert into grants (id, subject_kind, subject_id, role, org, product, instance, flag)
              values ('gap', 'user', 'ann', 'experimentation:flag-viewer', 'acme', ${X}, 'e1', 'f1')`,
          );
          const otherProject = yield* Effect.exit(
            Effect.gen(function* () {
              yield* sql`insert into projects (id, org, instance, name, platform) values ('p2', 'acme', 'e1', 'P2', 'feature')`;
              yield* sql`insert into grants (id, subject_kind, subject_id, role, org, product, instance, project, flag)
                       values ('elsewhere', 'user', 'ann', 'experimentation:flag-viewer', 'acme', ${X}, 'e1', 'p2', 'f1')`;
            }),
          );
          expect(Exit.isFailure(perEnvironment)).toBe(true);
          expect(Exit.isFailure(noProject)).toBe(true);
          expect(Exit.isFailure(otherProject)).toBe(true);
          const rows = yield* sql<{ readonly id: string }>`select id from grants order by id`;
          expect(rows.map((r) => r.id)).toEqual(["ok"]);
        }),
    );

    it.effect("moves pending invitations' flag roles to the flag scope", () =>
      Effect.gen(function* () {
        const sql = yield* SqlClient.SqlClient;
        yield* seed;
        const at = (environment?: string) => ({
          org: "acme",
          product: X,
          instance: "e1",
          project: "p1",
          ...(environment === undefined ? {} : { environment }),
          flag: "f1",
        });
        const given = [
          { role: `${X}:editor`, scope: { org: "acme", product: X, instance: "e1", project: "p1" } },
          { role: `${X}:flag-none`, scope: at("prod") },
          { role: `${X}:flag-none`, scope: at("dev") },
        ];
        yield* sql`insert into invitations (id, org, email, token_hash, grants, expires_at)
                   values ('inv', 'acme', 'new@acme.example', 'hash', ${JSON.stringify(given)}::jsonb, now() + interval '1 day')`;
        yield* runStatements(fourteen);
        const rows = yield* sql<{ readonly grants: unknown }>`select grants from invitations`;
        const grants = rows[0]?.grants;
        expect(typeof grants === "string" ? JSON.parse(grants) : grants).toEqual([
          given[0],
          { role: `${X}:flag-none`, scope: at() },
        ]);
      }),
    );
  },
  { setup: runStatements(before) },
);

// Loads the demo world (demo-data.ts) once, as one audited mutation; a second run changes nothing.
// Refused when NODE_ENV=production: demo accounts with a published password must never reach production.
import { Config, Effect } from "effect";
import { SqlClient } from "effect/sql";
import type { Change } from "./changes.ts";
import {
  demoFlagStates,
  demoFlags,
  demoInstances,
  demoOperator,
  demoOrganizations,
  demoPassword,
  demoProjects,
  demoUsers,
} from "./demo-data.ts";
import { DemoDataRefused } from "./errors.ts";
import { Flags } from "./flags.ts";
import { Grants } from "./grants.ts";
import { Instances } from "./instances.ts";
import { Mutations } from "./mutations.ts";
import { Organizations } from "./organizations.ts";
import { hashPassword } from "./password.ts";
import { Projects } from "./projects.ts";
import { Roles } from "./roles.ts";
import { Users } from "./users.ts";

export interface DemoSeedResult {
  /** False when the demo organization already existed and nothing was written. */
  readonly created: boolean;
  readonly users: number;
}

const nodeEnv = Config.withDefault(Config.String("NODE_ENV"), "");

/** Seeds the system roles and, unless `acme` exists, the demo organizations, resources and users. */
export const seedDemo = Effect.fn("Store.seedDemo")(function* () {
  if ((yield* Effect.orDie(nodeEnv)) === "production")
    return yield* new DemoDataRefused({
      reason: "NODE_ENV is production; demo accounts share a published password",
    });
  const sql = yield* SqlClient.SqlClient;
  const roles = yield* Roles;
  yield* roles.seedSystemRoles();
  const existing = yield* Effect.orDie(
    sql`select 1 from organizations where id = ${demoOrganizations[0].id}`,
  );
  if (existing.length > 0) return { created: false, users: 0 } satisfies DemoSeedResult;

  const [mutations, organizations, users, instances, projects, flags, grants] = yield* Effect.all([
    Mutations,
    Organizations,
    Users,
    Instances,
    Projects,
    Flags,
    Grants,
  ]);
  // Hashing is slow on purpose: do it before the transaction, in parallel (one salt per account).
  const hashes = yield* Effect.forEach([...demoUsers, demoOperator], () => hashPassword(demoPassword), {
    concurrency: "unbounded",
  });
  const hashOf = (i: number) => hashes[i] ?? "";

  const run = Effect.gen(function* () {
    const changes: Array<Change> = [];
    const add = <A>(written: { readonly value: A; readonly changes: ReadonlyArray<Change> }) => {
      changes.push(...written.changes);
      return written.value;
    };
    for (const org of demoOrganizations) add(yield* organizations.create(org));
    for (const instance of demoInstances) add(yield* instances.create({ ...instance, org: "acme" }));
    for (const project of demoProjects) add(yield* projects.create({ ...project, org: "acme" }));
    for (const flag of demoFlags) add(yield* flags.create(flag));
    for (const state of demoFlagStates) add(yield* flags.setState(state.flag, state));
    for (const [i, u] of demoUsers.entries()) {
      add(
        yield* users.create({
          id: u.id,
          org: u.org,
          email: u.email,
          name: u.name,
          status: "active",
          passwordHash: hashOf(i),
        }),
      );
      for (const [j, g] of u.grants.entries())
        add(
          yield* grants.create({
            id: `${u.id}-${j + 1}`,
            subject: { kind: "user", id: u.id },
            role: g.role,
            scope: g.scope,
          }),
        );
    }
    yield* sql`insert into operators (id, email, name, password_hash)
               values (${demoOperator.id}, ${demoOperator.email}, ${demoOperator.name}, ${hashOf(demoUsers.length)})
               on conflict do nothing`;
    const after = {
      organizations: demoOrganizations.map((o) => o.id),
      users: demoUsers.map((u) => u.email),
      operator: demoOperator.email,
    };
    return { value: demoUsers.length, before: null, after, changes };
  });

  const done = yield* mutations.mutate({
    actor: { kind: "system" },
    org: null,
    action: "demo.seed",
    target: { kind: "organization", id: demoOrganizations[0].id },
    run: Effect.catch(run, (error) => Effect.die(error)),
  });
  return { created: true, users: done.value } satisfies DemoSeedResult;
});

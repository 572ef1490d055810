// Loads the demo world (demo-data.ts) once, as one audited mutation; a second run, even a concurrent one in
// another process, changes nothing. Refused when NODE_ENV=production: demo accounts share a published password.
import { Config, Data, Effect } from "effect";
import { SqlClient } from "effect/sql";
import { Audiences } from "./audiences.ts";
import type { Change } from "./changes.ts";
import {
  type DemoUser,
  demoAudiences,
  demoAudienceUses,
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

/** Another process loaded the demo world while this one was preparing to (rolls this one's transaction back). */
class AlreadySeeded extends Data.TaggedError("AlreadySeeded") {}

const notCreated: DemoSeedResult = { created: false, users: 0 };

/** An account with its grants (ids `<user>-1`, `<user>-2`, …) as the demo seeds it, active with `passwordHash`. */
export const createDemoAccount = Effect.fn("Store.createDemoAccount")(function* (
  account: Pick<DemoUser, "id" | "email" | "name" | "grants"> & { readonly org: string },
  passwordHash: string,
) {
  const [users, grants] = yield* Effect.all([Users, Grants]);
  const created = yield* users.create({
    id: account.id,
    org: account.org,
    email: account.email,
    name: account.name,
    status: "active",
    passwordHash,
  });
  const changes: Array<Change> = [...created.changes];
  for (const [j, g] of account.grants.entries()) {
    const granted = yield* grants.create({
      id: `${account.id}-${j + 1}`,
      subject: { kind: "user", id: account.id },
      role: g.role,
      scope: g.scope,
    });
    changes.push(...granted.changes);
  }
  return changes;
});

/** Seeds the system roles and, unless `acme` exists, the demo organizations, resources and users. */
export const seedDemo = Effect.fn("Store.seedDemo")(function* () {
  if ((yield* Effect.orDie(nodeEnv)) === "production")
    return yield* new DemoDataRefused({
      reason: "NODE_ENV is production; demo accounts share a published password",
    });
  const sql = yield* SqlClient.SqlClient;
  const roles = yield* Roles;
  yield* roles.seedSystemRoles();
  const present = Effect.map(
    Effect.orDie(sql`select 1 from organizations where id = ${demoOrganizations[0].id}`),
    (rows) => rows.length > 0,
  );
  if (yield* present) return notCreated;

  const [mutations, organizations, instances, projects, flags, audiences] = yield* Effect.all([
    Mutations,
    Organizations,
    Instances,
    Projects,
    Flags,
    Audiences,
  ]);
  // Hashing is slow on purpose: do it before the transaction, in parallel (one salt per account).
  const hashes = yield* Effect.forEach([...demoUsers, demoOperator], () => hashPassword(demoPassword), {
    concurrency: "unbounded",
  });
  const hashOf = (i: number) => hashes[i] ?? "";

  const run = Effect.gen(function* () {
    // Two servers starting at once on one database: the first to take this lock seeds, the other then finds
    // the demo organization and gives up. The lock is released when the transaction ends.
    yield* sql`select pg_advisory_xact_lock(hashtext('gatehouse.seed-demo'))`;
    if (yield* present) return yield* new AlreadySeeded();
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
    for (const audience of demoAudiences) add(yield* audiences.create(audience));
    for (const use of demoAudienceUses) {
      const { version } = yield* audiences.get(use.audience);
      add(yield* audiences.setUse(use.audience, version, use, true));
    }
    for (const [i, u] of demoUsers.entries()) changes.push(...(yield* createDemoAccount(u, hashOf(i))));
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

  return yield* mutations
    .mutate({
      actor: { kind: "system" },
      org: null,
      action: "demo.seed",
      target: { kind: "organization", id: demoOrganizations[0].id },
      run: Effect.catch(run, (error) =>
        error instanceof AlreadySeeded ? Effect.fail(error) : Effect.die(error),
      ),
    })
    .pipe(
      Effect.map((done): DemoSeedResult => ({ created: true, users: done.value })),
      Effect.catchTag("AlreadySeeded", () => Effect.succeed(notCreated)),
    );
});

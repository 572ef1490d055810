// Feature Experimentation environments of a project; at most one primary, which is production.
// Every Feature project starts with `production` (primary) and `development` (see projects.ts).
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import { cascadeChanges, revokeInvitationsWithin } from "./cascade.ts";
import type { Written } from "./changes.ts";
import { type AlreadyExists, InvalidChange, type NotFound, type VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

export interface EnvironmentRecord {
  readonly id: string;
  readonly project: string;
  readonly key: string;
  readonly name: string;
  readonly production: boolean;
  readonly primary: boolean;
  readonly archived: boolean;
  readonly version: number;
}

export interface NewEnvironment {
  readonly id?: string | undefined;
  readonly project: string;
  readonly key: string;
  readonly name: string;
  readonly production?: boolean | undefined;
  readonly primary?: boolean | undefined;
}

/** What an edit changes; `primary: true` moves the primary mark here (the previous primary keeps `production`). */
export interface EnvironmentPatch {
  readonly name?: string | undefined;
  readonly key?: string | undefined;
  readonly production?: boolean | undefined;
  readonly primary?: true | undefined;
}

export interface EnvironmentsShape {
  readonly create: (
    input: NewEnvironment,
  ) => Effect.Effect<Written<EnvironmentRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<EnvironmentRecord, NotFound>;
  readonly list: (project: string) => Effect.Effect<ReadonlyArray<EnvironmentRecord>>;
  /**
   * Edits the environment read at `version`. The primary stays production; the key changes only while no flag
   * has a state in the environment (SDKs address it by key once a flag was set there).
   */
  readonly update: (
    id: string,
    version: number,
    patch: EnvironmentPatch,
  ) => Effect.Effect<Written<EnvironmentRecord>, NotFound | VersionConflict | AlreadyExists | InvalidChange>;
  /**
   * Deletes a non-primary environment read at `version`, with its flag states and the grants on it, revoking
   * the pending invitations that only granted there.
   */
  readonly remove: (
    id: string,
    version: number,
  ) => Effect.Effect<Written<EnvironmentRecord>, NotFound | VersionConflict | InvalidChange>;
}

/** Inserts one environment row; shared with project creation. */
export const insertEnvironment = (
  sql: SqlClient.SqlClient,
  input: NewEnvironment & { readonly id: string },
) =>
  sql`insert into environments (id, project, key, name, production, is_primary)
      values (${input.id}, ${input.project}, ${input.key}, ${input.name}, ${input.production ?? false},
              ${input.primary ?? false})`;

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const select = (where: Statement.Fragment) =>
    Effect.orDie(
      sql<EnvironmentRecord>`select id, project, key, name, production, is_primary as "primary", archived, version
                             from environments where ${where} order by is_primary desc, key`,
    );

  const get = Effect.fn("Environments.get")(function* (id: string) {
    return yield* found("environment", id, yield* select(sql`id = ${id}`));
  });

  const list = Effect.fn("Environments.list")(function* (project: string) {
    return yield* select(sql`project = ${project}`);
  });

  const create = Effect.fn("Environments.create")(function* (input: NewEnvironment) {
    const id = input.id ?? newId("env");
    yield* insertEnvironment(sql, { ...input, id });
    const environment = yield* Effect.orDie(get(id));
    return {
      value: environment,
      before: null,
      after: environment,
      changes: [],
    } satisfies Written<EnvironmentRecord>;
  }, constraintsAs("environment"));

  const flagStatesIn = (id: string) =>
    Effect.map(
      Effect.orDie(
        sql<{
          readonly n: number;
        }>`select count(*)::int as n from flag_environment_states where environment = ${id}`,
      ),
      (rows) => rows[0]?.n ?? 0,
    );

  const update = Effect.fn("Environments.update")(function* (
    id: string,
    version: number,
    patch: EnvironmentPatch,
  ) {
    const before = yield* get(id);
    const primary = patch.primary ?? before.primary;
    const production = patch.production ?? (patch.primary ? true : before.production);
    if (primary && !production)
      return yield* new InvalidChange({ reason: "production: the primary environment is always production" });
    if (patch.key !== undefined && patch.key !== before.key) {
      const inUse = yield* flagStatesIn(id);
      if (inUse > 0)
        return yield* new InvalidChange({
          reason: `key: ${inUse} flag(s) already have a state in "${before.key}", so its key can no longer change`,
        });
    }
    if (patch.primary && !before.primary)
      yield* sql`update environments set is_primary = false, version = version + 1, updated_at = now()
                 where project = ${before.project} and is_primary
                   and exists (select 1 from environments where id = ${id} and version = ${version})`;
    yield* updated(
      "environment",
      id,
      version,
      yield* sql`update environments
                 set name = ${patch.name ?? before.name}, key = ${patch.key ?? before.key},
                     production = ${production}, is_primary = ${primary},
                     version = version + 1, updated_at = now()
                 where id = ${id} and version = ${version} returning id`,
    );
    const after = yield* Effect.orDie(get(id));
    return { value: after, before, after, changes: [] } satisfies Written<EnvironmentRecord>;
  }, constraintsAs("environment"));

  const remove = Effect.fn("Environments.remove")(function* (id: string, version: number) {
    const before = yield* get(id);
    if (before.primary)
      return yield* new InvalidChange({
        reason: "the primary environment cannot be removed: make another environment primary first",
      });
    const changes = yield* Effect.orDie(cascadeChanges(sql, "environment", id));
    yield* updated(
      "environment",
      id,
      version,
      yield* Effect.orDie(
        sql`delete from environments where id = ${id} and version = ${version} returning id`,
      ),
    );
    const revokedInvitations = yield* Effect.orDie(revokeInvitationsWithin(sql, "environment", id));
    return {
      value: before,
      before: { ...before, revokedInvitations },
      after: null,
      changes,
    } satisfies Written<EnvironmentRecord>;
  });

  return { create, get, list, update, remove } satisfies EnvironmentsShape;
});

export class Environments extends Context.Service<Environments, EnvironmentsShape>()(
  "@gatehouse/store/Environments",
) {
  static readonly layer = Layer.effect(Environments, make);
}

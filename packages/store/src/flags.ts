// Feature flags of a project with their status, and each flag's state per environment (on/off and
// whether its ruleset is published, the `rulesetPublished` condition attribute). No row means off.
import type { FlagStatus } from "@gatehouse/domain";
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import type { Written } from "./changes.ts";
import type { AlreadyExists, InvalidChange, NotFound, VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

export interface FlagEnvironmentState {
  readonly environment: string;
  readonly enabled: boolean;
  readonly rulesetPublished: boolean;
}

export interface FlagRecord {
  readonly id: string;
  readonly project: string;
  readonly key: string;
  readonly name: string;
  readonly status: FlagStatus;
  readonly archived: boolean;
  /** The environments with a stored state, by environment id. */
  readonly states: ReadonlyArray<FlagEnvironmentState>;
  readonly version: number;
}

export interface NewFlag {
  readonly id?: string | undefined;
  readonly project: string;
  readonly key: string;
  readonly name: string;
  readonly status?: FlagStatus | undefined;
}

export interface FlagsShape {
  readonly create: (input: NewFlag) => Effect.Effect<Written<FlagRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<FlagRecord, NotFound>;
  readonly list: (project: string) => Effect.Effect<ReadonlyArray<FlagRecord>>;
  readonly setStatus: (
    id: string,
    version: number,
    status: FlagStatus,
  ) => Effect.Effect<Written<FlagRecord>, NotFound | VersionConflict>;
  /** Sets the flag's state in one environment of its project (creating the row on first use). */
  readonly setState: (
    id: string,
    state: FlagEnvironmentState,
  ) => Effect.Effect<Written<FlagRecord>, NotFound | AlreadyExists | InvalidChange>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const select = (where: Statement.Fragment) =>
    Effect.orDie(sql<FlagRecord>`
      select f.id, f.project, f.key, f.name, f.status, f.archived, f.version,
             coalesce(json_agg(json_build_object('environment', s.environment, 'enabled', s.enabled,
                                                 'rulesetPublished', s.ruleset_published)
                               order by s.environment) filter (where s.flag is not null), '[]') as states
      from flags f left join flag_environment_states s on s.flag = f.id
      where ${where}
      group by f.id order by f.key`);

  const get = Effect.fn("Flags.get")(function* (id: string) {
    return yield* found("flag", id, yield* select(sql`f.id = ${id}`));
  });

  const list = Effect.fn("Flags.list")(function* (project: string) {
    return yield* select(sql`f.project = ${project}`);
  });

  const create = Effect.fn("Flags.create")(function* (input: NewFlag) {
    const id = input.id ?? newId("flg");
    yield* sql`insert into flags (id, project, key, name, status)
               values (${id}, ${input.project}, ${input.key}, ${input.name}, ${input.status ?? "draft"})`;
    const flag = yield* Effect.orDie(get(id));
    return { value: flag, before: null, after: flag, changes: [] } satisfies Written<FlagRecord>;
  }, constraintsAs("flag"));

  const setStatus = Effect.fn("Flags.setStatus")(function* (id: string, version: number, status: FlagStatus) {
    const before = yield* get(id);
    yield* updated(
      "flag",
      id,
      version,
      yield* Effect.orDie(sql`update flags set status = ${status}, version = version + 1, updated_at = now()
                              where id = ${id} and version = ${version} returning id`),
    );
    const after = yield* get(id);
    return { value: after, before, after, changes: [] } satisfies Written<FlagRecord>;
  });

  const setState = Effect.fn("Flags.setState")(function* (id: string, state: FlagEnvironmentState) {
    const before = yield* get(id);
    yield* sql`insert into flag_environment_states (flag, environment, project, enabled, ruleset_published)
               values (${id}, ${state.environment}, ${before.project}, ${state.enabled}, ${state.rulesetPublished})
               on conflict (flag, environment) do update set enabled = excluded.enabled,
                 ruleset_published = excluded.ruleset_published,
                 version = flag_environment_states.version + 1, updated_at = now()`;
    const after = yield* Effect.orDie(get(id));
    return { value: after, before, after, changes: [] } satisfies Written<FlagRecord>;
  }, constraintsAs("flag state"));

  return { create, get, list, setStatus, setState } satisfies FlagsShape;
});

export class Flags extends Context.Service<Flags, FlagsShape>()("@gatehouse/store/Flags") {
  static readonly layer = Layer.effect(Flags, make);
}

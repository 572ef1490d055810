// Feature Experimentation environments of a project; at most one primary, which is production.
// Every Feature project starts with `production` (primary) and `development` (see projects.ts).
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import type { Written } from "./changes.ts";
import type { AlreadyExists, InvalidChange, NotFound } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found } from "./versioned.ts";

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

export interface EnvironmentsShape {
  readonly create: (
    input: NewEnvironment,
  ) => Effect.Effect<Written<EnvironmentRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<EnvironmentRecord, NotFound>;
  readonly list: (project: string) => Effect.Effect<ReadonlyArray<EnvironmentRecord>>;
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

  return { create, get, list } satisfies EnvironmentsShape;
});

export class Environments extends Context.Service<Environments, EnvironmentsShape>()(
  "@gatehouse/store/Environments",
) {
  static readonly layer = Layer.effect(Environments, make);
}

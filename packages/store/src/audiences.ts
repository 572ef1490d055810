// Audiences of a Feature project and the flag rulesets (a flag in one environment) that use them; every write
// names the version it read and bumps it, attaching and detaching included (the audience role follows its uses).
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import type { Written } from "./changes.ts";
import { type AlreadyExists, InvalidChange, type NotFound, VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

/** One use: the flag's ruleset in one environment of the audience's project. */
export interface AudienceUseRecord {
  readonly flag: string;
  readonly environment: string;
}

export interface AudienceRecord {
  readonly id: string;
  readonly project: string;
  readonly key: string;
  readonly name: string;
  readonly archived: boolean;
  /** The rulesets using it, by flag then environment. */
  readonly uses: ReadonlyArray<AudienceUseRecord>;
  readonly version: number;
}

export interface NewAudience {
  readonly id?: string | undefined;
  readonly project: string;
  readonly key: string;
  readonly name: string;
}

export interface AudiencesShape {
  readonly create: (
    input: NewAudience,
  ) => Effect.Effect<Written<AudienceRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<AudienceRecord, NotFound>;
  /** The project's audiences, archived ones too, by key. */
  readonly list: (project: string) => Effect.Effect<ReadonlyArray<AudienceRecord>>;
  /** Renames the audience read at `version`. */
  readonly rename: (
    id: string,
    version: number,
    name: string,
  ) => Effect.Effect<Written<AudienceRecord>, NotFound | VersionConflict>;
  /** Archives the audience read at `version` (its uses stay, for the record). */
  readonly archive: (
    id: string,
    version: number,
  ) => Effect.Effect<Written<AudienceRecord>, NotFound | VersionConflict>;
  /** Adds (`used: true`) or removes a use of the audience read at `version`; the flag and environment are its project's. */
  readonly setUse: (
    id: string,
    version: number,
    use: AudienceUseRecord,
    used: boolean,
  ) => Effect.Effect<Written<AudienceRecord>, NotFound | VersionConflict | AlreadyExists | InvalidChange>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const select = (where: Statement.Fragment) =>
    Effect.orDie(sql<AudienceRecord>`
      select a.id, a.project, a.key, a.name, a.archived, a.version,
             coalesce(json_agg(json_build_object('flag', u.flag, 'environment', u.environment)
                               order by u.flag, u.environment) filter (where u.audience is not null), '[]') as uses
      from audiences a left join audience_uses u on u.audience = a.id
      where ${where}
      group by a.id order by a.key`);

  const get = Effect.fn("Audiences.get")(function* (id: string) {
    return yield* found("audience", id, yield* select(sql`a.id = ${id}`));
  });

  const list = Effect.fn("Audiences.list")(function* (project: string) {
    return yield* select(sql`a.project = ${project}`);
  });

  const create = Effect.fn("Audiences.create")(function* (input: NewAudience) {
    const id = input.id ?? newId("aud");
    yield* sql`insert into audiences (id, project, key, name)
               values (${id}, ${input.project}, ${input.key}, ${input.name})`;
    const audience = yield* Effect.orDie(get(id));
    return { value: audience, before: null, after: audience, changes: [] } satisfies Written<AudienceRecord>;
  }, constraintsAs("audience"));

  /** Bumps the version read, or fails with VersionConflict; returns the row before the change. */
  const bump = (id: string, version: number, set: Statement.Fragment) =>
    Effect.gen(function* () {
      const before = yield* get(id);
      yield* updated(
        "audience",
        id,
        version,
        yield* Effect.orDie(sql`update audiences set ${set}, version = version + 1, updated_at = now()
                                where id = ${id} and version = ${version} returning id`),
      );
      return before;
    });

  const written = (before: AudienceRecord) =>
    Effect.map(
      Effect.orDie(get(before.id)),
      (after) => ({ value: after, before, after, changes: [] }) satisfies Written<AudienceRecord>,
    );

  const rename = Effect.fn("Audiences.rename")(function* (id: string, version: number, name: string) {
    return yield* written(yield* bump(id, version, sql`name = ${name}`));
  });

  const archive = Effect.fn("Audiences.archive")(function* (id: string, version: number) {
    return yield* written(yield* bump(id, version, sql`archived = true`));
  });

  const setUse = Effect.fn("Audiences.setUse")(function* (
    id: string,
    version: number,
    use: AudienceUseRecord,
    used: boolean,
  ) {
    const current = yield* get(id);
    if (current.version !== version)
      return yield* new VersionConflict({ kind: "audience", id, expected: version });
    if (current.archived)
      return yield* new InvalidChange({
        reason: `audience: "${current.name}" is archived and is used by no new flag`,
      });
    // The use first: a flag or environment of another project breaks its foreign key before the version moves.
    if (used)
      yield* sql`insert into audience_uses (audience, flag, environment, project)
                 values (${id}, ${use.flag}, ${use.environment}, ${current.project})
                 on conflict do nothing`;
    else
      yield* Effect.orDie(sql`delete from audience_uses
                              where audience = ${id} and flag = ${use.flag} and environment = ${use.environment}`);
    yield* bump(id, version, sql`archived = archived`);
    return yield* written(current);
  }, constraintsAs("audience use"));

  return { create, get, list, rename, archive, setUse } satisfies AudiencesShape;
});

export class Audiences extends Context.Service<Audiences, AudiencesShape>()("@gatehouse/store/Audiences") {
  static readonly layer = Layer.effect(Audiences, make);
}

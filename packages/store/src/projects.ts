// Experimentation projects (Web or Feature) under an instance; a Feature project is created with its
// `production` (primary) and `development` environments.
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import { cascadeChanges, revokeInvitationsWithin } from "./cascade.ts";
import type { Written } from "./changes.ts";
import { insertEnvironment } from "./environments.ts";
import type { AlreadyExists, InvalidChange, NotFound, VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

export type ProjectPlatform = "web" | "feature";

export interface ProjectRecord {
  readonly id: string;
  readonly org: string;
  readonly instance: string;
  readonly name: string;
  readonly platform: ProjectPlatform;
  readonly version: number;
}

export interface NewProject {
  readonly id?: string | undefined;
  readonly org: string;
  readonly instance: string;
  readonly name: string;
  readonly platform: ProjectPlatform;
}

export interface ProjectsShape {
  readonly create: (
    input: NewProject,
  ) => Effect.Effect<Written<ProjectRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<ProjectRecord, NotFound>;
  readonly list: (filter: {
    readonly org: string;
    readonly instance?: string | undefined;
  }) => Effect.Effect<ReadonlyArray<ProjectRecord>>;
  readonly rename: (
    id: string,
    version: number,
    name: string,
  ) => Effect.Effect<Written<ProjectRecord>, NotFound | VersionConflict | AlreadyExists | InvalidChange>;
  /**
   * Deletes the project with its environments, flags and the grants on them, revoking the pending invitations
   * that only granted there; when `version` is given, only at that version.
   */
  readonly remove: (
    id: string,
    version?: number,
  ) => Effect.Effect<Written<ProjectRecord>, NotFound | VersionConflict>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const select = (where: Statement.Fragment) =>
    Effect.orDie(
      sql<ProjectRecord>`select id, org, instance, name, platform, version from projects where ${where}
                         order by lower(name)`,
    );

  const get = Effect.fn("Projects.get")(function* (id: string) {
    return yield* found("project", id, yield* select(sql`id = ${id}`));
  });

  const list = Effect.fn("Projects.list")(function* (filter: {
    readonly org: string;
    readonly instance?: string | undefined;
  }) {
    return yield* select(
      filter.instance === undefined
        ? sql`org = ${filter.org}`
        : sql`org = ${filter.org} and instance = ${filter.instance}`,
    );
  });

  const create = Effect.fn("Projects.create")(function* (input: NewProject) {
    const id = input.id ?? newId("prj");
    yield* sql`insert into projects (id, org, instance, name, platform)
               values (${id}, ${input.org}, ${input.instance}, ${input.name}, ${input.platform})`;
    if (input.platform === "feature") {
      yield* insertEnvironment(sql, {
        id: `${id}-production`,
        project: id,
        key: "production",
        name: "Production",
        production: true,
        primary: true,
      });
      yield* insertEnvironment(sql, {
        id: `${id}-development`,
        project: id,
        key: "development",
        name: "Development",
      });
    }
    const project = yield* Effect.orDie(get(id));
    return { value: project, before: null, after: project, changes: [] } satisfies Written<ProjectRecord>;
  }, constraintsAs("project"));

  const rename = Effect.fn("Projects.rename")(function* (id: string, version: number, name: string) {
    const before = yield* get(id);
    yield* updated(
      "project",
      id,
      version,
      yield* sql`update projects set name = ${name}, version = version + 1, updated_at = now()
                 where id = ${id} and version = ${version} returning id`,
    );
    const after = yield* Effect.orDie(get(id));
    return { value: after, before, after, changes: [] } satisfies Written<ProjectRecord>;
  }, constraintsAs("project"));

  const remove = Effect.fn("Projects.remove")(function* (id: string, version?: number) {
    const before = yield* get(id);
    const changes = yield* Effect.orDie(cascadeChanges(sql, "project", id));
    yield* updated(
      "project",
      id,
      version ?? before.version,
      yield* Effect.orDie(
        sql`delete from projects where id = ${id} and version = ${version ?? before.version} returning id`,
      ),
    );
    const revokedInvitations = yield* Effect.orDie(revokeInvitationsWithin(sql, "project", id));
    return {
      value: before,
      before: { ...before, revokedInvitations },
      after: null,
      changes,
    } satisfies Written<ProjectRecord>;
  });

  return { create, get, list, rename, remove } satisfies ProjectsShape;
});

export class Projects extends Context.Service<Projects, ProjectsShape>()("@gatehouse/store/Projects") {
  static readonly layer = Layer.effect(Projects, make);
}

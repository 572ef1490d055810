// Experimentation projects (Web or Feature) under an instance; a Feature project is created with its
// `production` (primary) and `development` environments.
import { Context, Effect, Layer } from "effect";
import { SqlClient, type Statement } from "effect/sql";
import { cascadeChanges } from "./cascade.ts";
import type { Written } from "./changes.ts";
import { insertEnvironment } from "./environments.ts";
import type { AlreadyExists, InvalidChange, NotFound } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found } from "./versioned.ts";

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
  /** Deletes the project with its environments, flags and the grants on them. */
  readonly remove: (id: string) => Effect.Effect<Written<ProjectRecord>, NotFound>;
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

  const remove = Effect.fn("Projects.remove")(function* (id: string) {
    const before = yield* get(id);
    const changes = yield* Effect.orDie(cascadeChanges(sql, "project", id));
    yield* Effect.orDie(sql`delete from projects where id = ${id}`);
    return { value: before, before, after: null, changes } satisfies Written<ProjectRecord>;
  });

  return { create, get, list, remove } satisfies ProjectsShape;
});

export class Projects extends Context.Service<Projects, ProjectsShape>()("@gatehouse/store/Projects") {
  static readonly layer = Layer.effect(Projects, make);
}

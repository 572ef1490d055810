// The engine's resources built from stored rows, in one place: the scope path a row lies on and the attributes its
// conditions read (production, platform, flagStatus, rulesetPublished, usedBy). Routers and app views use no other.
import type { Resource, ResourceAttributes, Scope } from "@gatehouse/domain";
import { Context, Effect, Layer } from "effect";
import { type AudienceRecord, Audiences } from "./audiences.ts";
import { type EnvironmentRecord, Environments } from "./environments.ts";
import { NotFound } from "./errors.ts";
import { type FlagRecord, Flags } from "./flags.ts";
import { type InstanceRecord, Instances } from "./instances.ts";
import { type ProjectRecord, Projects } from "./projects.ts";

/** Projects exist in Experimentation instances only. */
const EXPERIMENTATION = "experimentation";

/** An instance: `production` when it has one (Mission Control environments; null elsewhere, so no attribute). */
export const instanceResource = (instance: InstanceRecord): Resource => ({
  org: instance.org,
  product: instance.product,
  instance: instance.id,
  ...(instance.production === null ? {} : { attrs: { production: instance.production } }),
});

/** A project: its place and `platform` (which action table and roles apply). */
export const projectResource = (project: ProjectRecord): Resource => ({
  org: project.org,
  product: EXPERIMENTATION,
  instance: project.instance,
  project: project.id,
  attrs: { platform: project.platform },
});

/** An environment of `project`: the project's attributes and the environment's `production`. */
export const environmentResource = (project: ProjectRecord, environment: EnvironmentRecord): Resource => ({
  ...projectResource(project),
  environment: environment.id,
  attrs: { platform: project.platform, production: environment.production },
});

/**
 * A flag of `project`, in one of its environments or (without one) as a whole: `flagStatus`, and in an
 * environment its `production` and the flag's `rulesetPublished` there (no stored state: unpublished).
 */
export const flagResource = (
  project: ProjectRecord,
  flag: FlagRecord,
  environment?: EnvironmentRecord,
): Resource => {
  if (environment === undefined)
    return {
      ...projectResource(project),
      flag: flag.id,
      attrs: { platform: project.platform, flagStatus: flag.status },
    };
  const attrs: ResourceAttributes = {
    platform: project.platform,
    production: environment.production,
    flagStatus: flag.status,
    rulesetPublished: flag.states.find((s) => s.environment === environment.id)?.rulesetPublished ?? false,
  };
  return { ...projectResource(project), environment: environment.id, flag: flag.id, attrs };
};

/**
 * An audience of `project`: the project's place with `usedBy`, each use's environment `production` and its flag's
 * `flagStatus` (the audience role is the lowest over them; `[]` when no flag uses it). A use whose flag or
 * environment is not among those given is left out.
 */
export const audienceResource = (
  project: ProjectRecord,
  audience: AudienceRecord,
  flags: ReadonlyArray<FlagRecord>,
  environments: ReadonlyArray<EnvironmentRecord>,
): Resource => ({
  ...projectResource(project),
  attrs: {
    platform: project.platform,
    usedBy: audience.uses.flatMap((use) => {
      const flag = flags.find((f) => f.id === use.flag);
      const environment = environments.find((e) => e.id === use.environment);
      if (flag === undefined || environment === undefined) return [];
      return [
        {
          flag: flag.id,
          environment: environment.id,
          production: environment.production,
          flagStatus: flag.status,
          flagName: flag.name,
          environmentName: environment.name,
        },
      ];
    }),
  },
});

export interface ResourcesShape {
  /**
   * The resource at `scope`, attributes read from the rows it names. A row that does not lie where the scope puts
   * it (another organization's instance, another instance's project, …) is NotFound exactly as a made-up id is.
   */
  readonly resolve: (scope: Scope) => Effect.Effect<Resource, NotFound>;
  /** The audience `id` with its project and its resource (`audienceResource`, from the stored uses). */
  readonly audience: (
    id: string,
  ) => Effect.Effect<{ audience: AudienceRecord; project: ProjectRecord; resource: Resource }, NotFound>;
}

/** `row`, when `belongs` says it lies where the scope puts it; otherwise the made-up id's NotFound. */
const inPlace = <A>(
  read: Effect.Effect<A, NotFound>,
  belongs: (row: A) => boolean,
  kind: string,
  id: string,
) =>
  Effect.flatMap(read, (row) =>
    belongs(row) ? Effect.succeed(row) : Effect.fail(new NotFound({ kind, id })),
  );

const make = Effect.gen(function* () {
  const instances = yield* Instances;
  const projects = yield* Projects;
  const environments = yield* Environments;
  const flags = yield* Flags;
  const audiences = yield* Audiences;

  const resolve = Effect.fn("Resources.resolve")(function* (scope: Scope) {
    const {
      org,
      product,
      instance: instanceId,
      project: projectId,
      environment: envId,
      flag: flagId,
    } = scope;
    if (instanceId === undefined) return { ...scope };
    const instance = yield* inPlace(
      instances.get(instanceId),
      (i) => i.org === org && i.product === product,
      "instance",
      instanceId,
    );
    if (projectId === undefined) return instanceResource(instance);
    const project = yield* inPlace(
      projects.get(projectId),
      (p) => p.instance === instance.id,
      "project",
      projectId,
    );
    const environment =
      envId === undefined
        ? undefined
        : yield* inPlace(environments.get(envId), (e) => e.project === project.id, "environment", envId);
    if (flagId !== undefined) {
      const flag = yield* inPlace(flags.get(flagId), (f) => f.project === project.id, "flag", flagId);
      return flagResource(project, flag, environment);
    }
    return environment === undefined ? projectResource(project) : environmentResource(project, environment);
  });

  const audience = Effect.fn("Resources.audience")(function* (id: string) {
    const row = yield* audiences.get(id);
    const project = yield* projects.get(row.project);
    const [flagRows, environmentRows] = yield* Effect.all([
      flags.list(project.id),
      environments.list(project.id),
    ]);
    return { audience: row, project, resource: audienceResource(project, row, flagRows, environmentRows) };
  });

  return { resolve, audience } satisfies ResourcesShape;
});

export class Resources extends Context.Service<Resources, ResourcesShape>()("@gatehouse/store/Resources") {
  static readonly layer = Layer.effect(Resources, make).pipe(
    Layer.provide(
      Layer.mergeAll(Instances.layer, Projects.layer, Environments.layer, Flags.layer, Audiences.layer),
    ),
  );
}

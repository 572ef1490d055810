// Random check queries over a fixture: a user, an action and a resource with its attributes.
// A share of them aim inside one of the user's own grants, so that about 15% end up allowed.
import { FlagStatus, products, type Resource } from "@gatehouse/domain";
import {
  ENVIRONMENTS,
  type Fixture,
  type FixtureGrant,
  type Instance,
  type Org,
  type Project,
} from "./fixture.ts";
import { below, mulberry32, pick, type Random } from "./random.ts";

export interface Query {
  readonly user: string;
  readonly action: string;
  readonly resource: Resource;
}

type Target =
  | { readonly kind: "project"; readonly project: Project }
  | { readonly kind: "environment"; readonly project: Project; readonly env: number }
  | { readonly kind: "instance"; readonly instance: Instance };

const actionIds = (product: string, keep: (a: { platform?: string; layer?: string }) => boolean) =>
  (products.find((p) => p.id === product)?.actions ?? []).filter(keep).map((a) => a.id as string);

const featureProjectActions = actionIds(
  "experimentation",
  (a) => a.platform === "feature" && (a.layer === "project" || a.layer === "flag"),
);
const featureEnvironmentActions = actionIds(
  "experimentation",
  (a) => a.platform === "feature" && (a.layer === "ruleset" || a.layer === "environment"),
);
const webActions = actionIds("experimentation", (a) => a.platform === "web");
const instanceActions = new Map(
  (["mission-control", "odp", "pim", "cms"] as const).map((p) => [p, actionIds(p, () => true)]),
);

const CHANGE_KINDS = ["visual-editor", "code-editor", "extension"] as const;

const projectTarget = (project: Project, random: Random): Target =>
  project.platform === "feature" && random() < 0.5
    ? { kind: "environment", project, env: below(random, ENVIRONMENTS.length) }
    : { kind: "project", project };

/** A resource covered by the grant's scope: the scope itself, or a project or environment below it. */
const insideGrant = (org: Org, g: FixtureGrant, random: Random): Target => {
  const scope = g.scope;
  if (scope.product !== "experimentation") {
    const all = Object.values(org.instances).flat();
    return { kind: "instance", instance: all.find((i) => i.scope === scope) as Instance };
  }
  if (scope.environment !== undefined) {
    const project = org.projects.find((p) => p.scope.project === scope.project) as Project;
    return { kind: "environment", project, env: ENVIRONMENTS.indexOf(scope.environment as "production") };
  }
  if (scope.project !== undefined)
    return projectTarget(org.projects.find((p) => p.scope === scope) as Project, random);
  const instance = org.experimentation.find((e) => e.scope === scope);
  return projectTarget(pick(random, instance?.projects ?? org.projects), random);
};

/** Any resource of the organization: mostly Experimentation projects and environments. */
const anywhereIn = (org: Org, random: Random): Target => {
  if (random() < 0.6) return projectTarget(pick(random, org.projects), random);
  return { kind: "instance", instance: pick(random, Object.values(org.instances).flat()) };
};

/**
 * A resource in the one shape a product backend builds (or the API's decoder produces): all six scope keys,
 * undefined where absent, then attrs. One shape keeps the engine's property reads monomorphic.
 */
const resourceAt = (scope: Resource, attrs: Resource["attrs"]): Resource => ({
  org: scope.org,
  product: scope.product,
  instance: scope.instance,
  project: scope.project,
  environment: scope.environment,
  flag: scope.flag,
  attrs,
});

const queryAt = (user: string, target: Target, random: Random): Query => {
  switch (target.kind) {
    case "project": {
      const { project } = target;
      const feature = project.platform === "feature";
      return {
        user,
        action: pick(random, feature ? featureProjectActions : webActions),
        resource: resourceAt(
          project.scope,
          feature
            ? { platform: "feature", flagStatus: pick(random, FlagStatus.literals) }
            : { platform: "web", changeKind: pick(random, CHANGE_KINDS) },
        ),
      };
    }
    case "environment": {
      const { project, env } = target;
      return {
        user,
        action: pick(random, featureEnvironmentActions),
        resource: resourceAt(project.envs[env] as Resource, {
          platform: "feature",
          production: env === 0,
          rulesetPublished: random() < 0.5,
          flagHasExperiment: random() < 0.2,
        }),
      };
    }
    case "instance": {
      const { instance } = target;
      const attrs =
        instance.product === "mission-control"
          ? { production: instance.production }
          : instance.product === "pim"
            ? { assignedToSubject: random() < 0.5 }
            : undefined;
      return {
        user,
        action: pick(random, instanceActions.get(instance.product) ?? []),
        resource: resourceAt(instance.scope, attrs),
      };
    }
  }
};

/**
 * The actions the queries ask of a resource like `resource` (the lists `queryAt` picks from): a Feature environment's
 * ruleset actions, a Feature project's project and flag actions, a Web project's, or an instance's product's.
 */
export const actionsOn = (resource: Resource): ReadonlyArray<string> => {
  if (resource.project === undefined) return instanceActions.get(resource.product as "odp") ?? [];
  if (resource.environment !== undefined) return featureEnvironmentActions;
  return resource.attrs?.platform === "feature" ? featureProjectActions : webActions;
};

/**
 * `count` queries: with probability `ownShare` inside one of the user's grants, otherwise anywhere in
 * the user's organization (or, one time in ten, in another organization).
 */
export const generateQueries = (fx: Fixture, count: number, ownShare: number, seed: number): Query[] => {
  const random = mulberry32(seed);
  const out: Query[] = [];
  for (let q = 0; q < count; q++) {
    const u = below(random, fx.users.length);
    const org = fx.orgs[fx.userOrg[u] as number] as Org;
    const first = fx.grantStart[u] as number;
    const held = (fx.grantStart[u + 1] as number) - first;
    const target =
      held > 0 && random() < ownShare
        ? insideGrant(org, fx.grants[first + below(random, held)] as FixtureGrant, random)
        : anywhereIn(random() < 0.1 ? pick(random, fx.orgs) : org, random);
    out.push(queryAt(fx.users[u] as string, target, random));
  }
  return out;
};

// The collaborator's grants as the granular panel reads them: its project role (the widest the catalog's order
// finds at the project or instance-wide), the explicit entity grant at a scope, and roles shown by short name.
import type { Resource, RouterOutputs } from "@gatehouse/client";

export type GrantRow = RouterOutputs["users"]["get"]["grants"][number];
/** The Feature project roles' defaults and locks, served from the catalog (catalog.featureRoles). */
export type FeatureRoles = RouterOutputs["catalog"]["featureRoles"];
export type FeatureProjectRole = FeatureRoles["projectRoles"][number];

export const MULTIPLE_EXPERIMENTS = "experimentation:flags_multiple_experiments";

/** Every grant here is the collaborator's, so a scope's depth and keys identify it. */
const isProjectLevel = (scope: Resource, project: string) =>
  scope.environment === undefined &&
  scope.flag === undefined &&
  (scope.project === project || (scope.project === undefined && scope.instance !== undefined));

/** The widest project role (the served order) the grants give on `project`, at the project or instance-wide. */
export const projectRoleOf = (
  roles: FeatureRoles,
  grants: ReadonlyArray<GrantRow>,
  project: string,
): FeatureProjectRole | undefined =>
  roles.projectRoles.find((role) =>
    grants.some((g) => g.role === role.id && isProjectLevel(g.scope as Resource, project)),
  );

/** Where an environment role sits: the environment of the project. */
export const environmentScope = (project: Resource, environment: string): Resource => ({
  ...project,
  environment,
});

/** Where a flag role sits: the flag of the project, with no environment (it applies in every one). */
export const flagScope = (project: Resource, flag: string): Resource => ({ ...project, flag });

const sameScope = (a: Resource, b: Resource) =>
  (["org", "product", "instance", "project", "environment", "flag"] as const).every((k) => a[k] === b[k]);

/** The explicit entity grant exactly at `scope`, if any. */
export const explicitAt = (grants: ReadonlyArray<GrantRow>, scope: Resource): GrantRow | undefined =>
  grants.find((g) => g.role !== null && sameScope(g.scope as Resource, scope));

/** `experimentation:env-publisher` → `env-publisher`: how the panel names a role. */
export const shortRole = (role: string | null) => (role ?? "").replace(/^[^:]*:/, "");

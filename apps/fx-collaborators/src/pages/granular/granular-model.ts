// The granular roles model as the panel shows it (spec, Feature Experimentation): the collaborator's project
// role, the default environment and flag role it gives, which explicit entity grant overrides it, and locks.
import type { Resource, RouterOutputs } from "@gatehouse/client";

export type GrantRow = RouterOutputs["users"]["get"]["grants"][number];

const X = "experimentation:";
/** Project roles on a Feature project, widest first. */
const projectRoles = ["administrator", "project-owner", "publisher", "editor", "viewer"] as const;
export type ProjectRole = (typeof projectRoles)[number];

export const environmentRoles = ["env-admin", "env-publisher", "env-editor", "env-viewer"] as const;
export const flagRoles = ["flag-admin", "flag-editor", "flag-viewer", "flag-none"] as const;
export type EntityRole = (typeof environmentRoles)[number] | (typeof flagRoles)[number];

export const MULTIPLE_EXPERIMENTS = `${X}flags_multiple_experiments`;

/** Every grant here is the collaborator's, so a scope's depth and keys identify it. */
const isProjectLevel = (scope: Resource, project: string) =>
  scope.environment === undefined &&
  scope.flag === undefined &&
  (scope.project === project || (scope.project === undefined && scope.instance !== undefined));

/** The widest project role the grants give on `project` (at the project or instance-wide). */
export const projectRoleOf = (grants: ReadonlyArray<GrantRow>, project: string): ProjectRole | undefined =>
  projectRoles.find((role) =>
    grants.some((g) => g.role === `${X}${role}` && isProjectLevel(g.scope as Resource, project)),
  );

/** Administrators' and project owners' entity roles cannot be changed (they hold env-admin and flag-admin). */
export const isLocked = (role: ProjectRole | undefined): boolean =>
  role === "administrator" || role === "project-owner";

export const lockReason = (role: ProjectRole) =>
  `${role === "administrator" ? "Administrators" : "Project owners"} hold env-admin and flag-admin everywhere; their entity roles cannot be changed.`;

/** The environment role the project role gives by default. */
export const defaultEnvironmentRole = (role: ProjectRole, production: boolean) => {
  switch (role) {
    case "administrator":
    case "project-owner":
      return "env-admin";
    case "publisher":
      return "env-publisher";
    case "editor":
      return production ? "env-editor" : "env-publisher";
    case "viewer":
      return "env-viewer";
  }
};

/** The flag role the project role gives by default. */
export const defaultFlagRole = (role: ProjectRole) =>
  role === "administrator" || role === "project-owner"
    ? "flag-admin"
    : role === "viewer"
      ? "flag-viewer"
      : "flag-editor";

const sameScope = (a: Resource, b: Resource) =>
  (["org", "product", "instance", "project", "environment", "flag"] as const).every((k) => a[k] === b[k]);

/** The explicit entity grant exactly at `scope`, if any. */
export const explicitAt = (grants: ReadonlyArray<GrantRow>, scope: Resource): GrantRow | undefined =>
  grants.find((g) => g.role !== null && sameScope(g.scope as Resource, scope));

/** `experimentation:env-publisher` → `env-publisher`. */
export const shortRole = (role: string | null) => (role ?? "").replace(X, "");

export const fullRole = (role: EntityRole) => `${X}${role}`;

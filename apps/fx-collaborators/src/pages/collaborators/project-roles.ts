// A Feature project's roles as the server serves them (seed 003: each includes the one before it) and how a
// collaborator's grants in a project read: its project role and its granular environment, flag and permission
// grants.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";
import type { FeatureProject } from "../projects/feature-projects.ts";
import { roleOptions, useProjectRoles } from "../web/web-project-roles.ts";

export type ProjectGrant = RouterOutputs["users"]["get"]["grants"][number];

/** The collaborator's project-role grant (one of the served `roles`): at the project itself, not below it. */
export const projectRoleGrant = (
  grants: ReadonlyArray<ProjectGrant>,
  roles: ReadonlyArray<{ readonly id: string }>,
): ProjectGrant | undefined =>
  grants.find(
    (g) =>
      g.role !== null &&
      g.scope.environment === undefined &&
      g.scope.flag === undefined &&
      roles.some((role) => role.id === g.role),
  );

const short = (id: string, prefix: string): string => (id.startsWith(prefix) ? id.slice(prefix.length) : id);

/** How granular labels name roles and places (catalog role names; the project's flags and environments). */
export interface GranularNames {
  readonly role: (id: string) => string;
  readonly place: (id: string) => string;
}

/**
 * Granular grants as short labels: "No Flag Access on Dark mode" (a flag role, in every environment),
 * "Environment Publisher in Production", or a single permission.
 */
export const granularLabels = (
  grants: ReadonlyArray<ProjectGrant>,
  names: GranularNames,
): ReadonlyArray<string> =>
  grants.flatMap((g) => {
    if (g.role === null) return g.permission === null ? [] : [short(g.permission, "experimentation:")];
    if (g.scope.flag !== undefined) return [`${names.role(g.role)} on ${names.place(g.scope.flag)}`];
    if (g.scope.environment !== undefined)
      return [`${names.role(g.role)} in ${names.place(g.scope.environment)}`];
    return [];
  });

/**
 * The project roles served for `projects` (assignable.projectRoles: the catalog's names, widest first, the engine's
 * answer) that a project holds, Administrator being its instance's; a role the user may not give is refused.
 */
export const useFeatureProjectRoles = (projects: ReadonlyArray<FeatureProject>, enabled = true) => {
  const served = useProjectRoles(projects, enabled);
  const all = served.data?.roles ?? [];
  const roles = all.filter((role) => role.sitsAt === "project");
  return { all, roles, options: roleOptions(roles), isLoading: served.isLoading };
};

/** One collaborator's grants inside the project (users.get seen from the project). */
export const useCollaboratorGrants = (project: FeatureProject, userId: string) => {
  const trpc = useTRPC();
  return useQuery(trpc.users.get.queryOptions({ id: userId, context: project.scope }));
};

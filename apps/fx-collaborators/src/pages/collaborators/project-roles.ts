// Feature Experimentation's project roles (seed 003: each includes the one before it) and how a collaborator's
// grants in a project read: its project role, and its granular environment, flag and permission grants.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";
import type { FeatureProject } from "../projects/feature-projects.ts";

export type ProjectGrant = RouterOutputs["users"]["get"]["grants"][number];

/** Project roles, widest first, as a project (not an instance) can hold them. */
export const projectRoles: ReadonlyArray<{ readonly id: string; readonly name: string }> = [
  { id: "experimentation:project-owner", name: "Project Owner" },
  { id: "experimentation:publisher", name: "Publisher" },
  { id: "experimentation:editor", name: "Editor" },
  { id: "experimentation:viewer", name: "Viewer" },
];

export const roleName = (id: string): string =>
  projectRoles.find((role) => role.id === id)?.name ?? id.replace(/^experimentation:/, "");

/** The collaborator's project-role grant: at the project itself, not below it. */
export const projectRoleGrant = (grants: ReadonlyArray<ProjectGrant>): ProjectGrant | undefined =>
  grants.find(
    (g) =>
      g.role !== null &&
      g.scope.environment === undefined &&
      g.scope.flag === undefined &&
      projectRoles.some((role) => role.id === g.role),
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

/** The project roles as select options, disabled where assignable.roles says the user may not give them. */
export const useRoleOptions = (projects: ReadonlyArray<FeatureProject>, enabled = true) => {
  const trpc = useTRPC();
  const assignable = useQuery(
    trpc.assignable.roles.queryOptions(
      { scopes: projects.map((p) => p.scope) },
      { enabled: enabled && projects.length > 0 },
    ),
  );
  return projectRoles.map((role) => {
    const refused = assignable.data?.roles.find((r) => r.id === role.id)?.decision === "deny";
    return { value: role.id, label: role.name, disabled: refused };
  });
};

/** One collaborator's grants inside the project (users.get seen from the project). */
export const useCollaboratorGrants = (project: FeatureProject, userId: string) => {
  const trpc = useTRPC();
  return useQuery(trpc.users.get.queryOptions({ id: userId, context: project.scope }));
};

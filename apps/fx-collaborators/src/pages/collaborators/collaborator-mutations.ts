// Changing a collaborator's project role, removing it from the project and removing it from the account, each
// after a confirmation naming what changes; the outcome is a toast and the reads the grants reach refreshed.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { type UserRef, useConfirmedMutation, useRemoveAccess } from "@gatehouse/ui";
import type { FeatureProject } from "../projects/feature-projects.ts";
import type { ProjectGrant } from "./project-roles.ts";

export type Collaborator = UserRef;

interface RoleChange {
  readonly user: Collaborator;
  readonly grant: ProjectGrant;
  readonly role: string;
}

/**
 * Asks for confirmation, then gives the collaborator's project-role grant the new role (grants.update); `roleName`
 * names roles as the server serves them.
 */
export const useChangeRole = (project: FeatureProject, roleName: (role: string) => string) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const change = useConfirmedMutation({
    mutationFn: ({ grant, role }: RoleChange) =>
      client.grants.update.mutate({ id: grant.id, version: grant.version, role }),
    confirm: ({ user, grant, role }) => ({
      title: `Change ${user.name}'s role?`,
      message: `${user.name} (${user.email}) goes from ${roleName(grant.role ?? "")} to ${roleName(role)} in ${project.name}.`,
      confirmLabel: "Change role",
      cancelLabel: "Keep current role",
      destructive: false,
    }),
    done: (_result, { user, role }) => `${user.name} is now ${roleName(role)} in ${project.name}`,
    onDone: () => refresh.after("grant.removed", "grant.added"),
  });
  const ask = (user: Collaborator, grant: ProjectGrant, role: string) => change.ask({ user, grant, role });
  return { ask, pending: change.pending };
};

/** Asks for confirmation, then removes every grant the collaborator holds in the project (users.removeAccess). */
export const useRemoveFromProject = (project: FeatureProject) =>
  useRemoveAccess(project.scope, {
    confirm: (user) => ({
      title: `Remove ${user.name} from ${project.name}?`,
      message: `${user.name} (${user.email}) loses its project role and granular roles in ${project.name}. Access to other projects stays.`,
      confirmLabel: "Remove from project",
      cancelLabel: "Keep collaborator",
      destructive: true,
    }),
    done: (_result, user) => `Removed ${user.name} from ${project.name}`,
  }).ask;

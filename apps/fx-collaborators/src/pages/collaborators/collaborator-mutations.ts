// Changing a collaborator's project role, removing it from the project and removing it from the account, each
// after a confirmation naming what changes; the outcome is a toast and the lists read again.
import { useGatehouse } from "@gatehouse/client";
import { confirm, toast } from "@gatehouse/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { FeatureProject } from "../projects/feature-projects.ts";
import { type ProjectGrant, roleName } from "./project-roles.ts";

export interface Collaborator {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

const useRefresh = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["users.list"] }),
      queryClient.invalidateQueries({ queryKey: ["users.get"] }),
    ]);
};

/** Asks for confirmation, then gives the collaborator's project-role grant the new role (grants.update). */
export const useChangeRole = (project: FeatureProject) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const mutation = useMutation({
    mutationFn: (change: { user: Collaborator; grant: ProjectGrant; role: string }) =>
      client.grants.update.mutate({ id: change.grant.id, version: change.grant.version, role: change.role }),
    onSuccess: async (_result, { user, role }) => {
      toast.success(`${user.name} is now ${roleName(role)} in ${project.name}`);
      await refresh();
    },
    onError: (error) => toast.failure(error),
  });
  const ask = (user: Collaborator, grant: ProjectGrant, role: string) =>
    confirm({
      title: `Change ${user.name}'s role?`,
      message: `${user.name} (${user.email}) goes from ${roleName(grant.role ?? "")} to ${roleName(role)} in ${project.name}.`,
      confirmLabel: "Change role",
      onConfirm: () => mutation.mutate({ user, grant, role }),
    });
  return { ask, pending: mutation.isPending };
};

/** Asks for confirmation, then removes every grant the collaborator holds in the project (users.removeAccess). */
export const useRemoveFromProject = (project: FeatureProject) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const mutation = useMutation({
    mutationFn: (user: Collaborator) =>
      client.users.removeAccess.mutate({ userId: user.id, scope: project.scope }),
    onSuccess: async (_result, user) => {
      toast.success(`Removed ${user.name} from ${project.name}`);
      await refresh();
    },
    onError: (error) => toast.failure(error),
  });
  return (user: Collaborator) =>
    confirm({
      title: `Remove ${user.name} from ${project.name}?`,
      message: `${user.name} (${user.email}) loses its project role and granular roles in ${project.name}. Access to other projects stays.`,
      confirmLabel: "Remove from project",
      destructive: true,
      onConfirm: () => mutation.mutate(user),
    });
};

/** Asks for confirmation, then removes every grant the collaborator holds in the account (users.removeFromAccount). */
export const useRemoveFromAccount = () => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const mutation = useMutation({
    mutationFn: (user: Collaborator) => client.users.removeFromAccount.mutate({ userId: user.id }),
    onSuccess: async (result, user) => {
      toast.success(`Removed ${user.name} from the account (${result.removed.length} role(s))`);
      await refresh();
    },
    onError: (error) => toast.failure(error),
  });
  return (user: Collaborator) =>
    confirm({
      title: `Remove ${user.name} from the account?`,
      message: `${user.name} (${user.email}) loses access to every project of the account.`,
      confirmLabel: "Remove from account",
      destructive: true,
      onConfirm: () => mutation.mutate(user),
    });
};

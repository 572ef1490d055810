// A Web collaborator's changes, each after a confirmation naming what changes: its role in the project, removing it
// from the project, and Remove from all projects (the server says what it removed and what it was refused).
import { type RouterOutputs, useGatehouse, useRefresh } from "@gatehouse/client";
import { type UserRef, useConfirmedMutation, useRemoveAccess } from "@gatehouse/ui";
import type { WebProject } from "../projects/feature-projects.ts";

type Removal = RouterOutputs["users"]["removeFromProjects"];

interface RoleChange {
  readonly user: UserRef;
  readonly grant: { readonly id: string; readonly version: number };
  readonly from: string;
  readonly to: { readonly id: string; readonly name: string };
}

/** Asks for confirmation, then gives the collaborator's project-role grant the new role (grants.update). */
export const useChangeWebRole = (project: WebProject) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useConfirmedMutation({
    mutationFn: ({ grant, to }: RoleChange) =>
      client.grants.update.mutate({ id: grant.id, version: grant.version, role: to.id }),
    confirm: ({ user, from, to }) => ({
      title: `Change ${user.name}'s role?`,
      message: `${user.name} (${user.email}) goes from ${from} to ${to.name} in ${project.name}.`,
      confirmLabel: "Change role",
      cancelLabel: "Keep current role",
      destructive: false,
    }),
    done: (_result, { user, to }) => `${user.name} is now ${to.name} in ${project.name}`,
    onDone: () => refresh.after("grant.removed", "grant.added"),
  });
};

/** Asks for confirmation, then removes every grant the collaborator holds in the project (users.removeAccess). */
export const useRemoveFromWebProject = (project: WebProject) =>
  useRemoveAccess(project.scope, {
    confirm: (user) => ({
      title: `Remove ${user.name} from ${project.name}?`,
      message: `${user.name} (${user.email}) loses its role in ${project.name}. Its roles in other projects stay.`,
      confirmLabel: "Remove from project",
      cancelLabel: "Keep collaborator",
      destructive: true,
    }),
    done: (_result, user) => `Removed ${user.name} from ${project.name}`,
  }).ask;

/** "Removed Rita from Homepage (Restricted Editor) and Landing (…). Not removed from Checkout: <reason>." */
export const removalSummary = (result: Removal): string =>
  [
    ...(result.removed.length === 0
      ? []
      : [
          `Removed ${result.user.name} from ${result.removed
            .map((r) => `${r.project.name} (${r.roles.join(", ")})`)
            .join(", ")}.`,
        ]),
    ...result.refused.map((r) => `Not removed from ${r.project.name}: ${r.reason}.`),
  ].join(" ");

/** Asks for confirmation, then removes the collaborator from every project of the instance it may (seed 004). */
export const useRemoveFromAllProjects = (project: WebProject) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useConfirmedMutation({
    mutationFn: (user: UserRef) =>
      client.users.removeFromProjects.mutate({
        org: project.scope.org,
        instance: project.instanceId,
        userId: user.id,
      }),
    confirm: (user) => ({
      title: `Remove ${user.name} from all projects?`,
      message: `${user.name} (${user.email}) loses its roles in every project of ${project.instanceName} you may remove it from, Feature and Web. The account stays; what you may not remove is listed afterwards.`,
      confirmLabel: "Remove from all projects",
      cancelLabel: "Keep collaborator",
      destructive: true,
    }),
    done: (result) => removalSummary(result),
    onDone: () => refresh.after("grant.removed"),
  }).ask;
};

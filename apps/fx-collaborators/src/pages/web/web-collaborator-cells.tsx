// A Web collaborator row's cells: its role in the project (a picker of the served roles it may give, or where a role
// from above comes from), and Remove from project / Remove from all projects, each guarded by the server's answer.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { GuardedCall, type UserRef } from "@gatehouse/ui";
import { Button, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { WebProject } from "../projects/feature-projects.ts";
import {
  useChangeWebRole,
  useRemoveFromAllProjects,
  useRemoveFromWebProject,
} from "./web-collaborator-mutations.ts";
import { roleOptions, useProjectRoles } from "./web-project-roles.ts";

type Seen = RouterOutputs["users"]["get"];

interface CellProps {
  readonly project: WebProject;
  readonly user: UserRef;
}

/** The collaborator's grants inside the project and the grants reaching it (users.get seen from the project). */
const useSeenFromProject = (project: WebProject, userId: string) => {
  const trpc = useTRPC();
  return useQuery(trpc.users.get.queryOptions({ id: userId, context: project.scope }));
};

const projectRoleGrant = (seen: Seen | undefined, roles: ReadonlyArray<string>) =>
  seen?.grants.find((g) => g.role !== null && g.scope.environment === undefined && roles.includes(g.role));

export const WebRoleCell = ({ project, user }: CellProps) => {
  const seen = useSeenFromProject(project, user.id);
  const served = useProjectRoles([project]);
  const change = useChangeWebRole(project);
  const atProject = (served.data?.roles ?? []).filter((r) => r.sitsAt === "project");
  const grant = projectRoleGrant(
    seen.data,
    atProject.map((r) => r.id),
  );
  if (seen.isLoading || served.isLoading) return <Text size="sm">…</Text>;
  if (grant === undefined || grant.role === null) {
    // A role given above the project (Administrator at the instance) is changed where it is given.
    const above = seen.data?.access.find((a) => served.data?.roles.some((r) => r.id === a.role));
    return (
      <Text size="sm">{above === undefined ? "No project role" : `${above.roleName} (${above.where})`}</Text>
    );
  }
  const current = grant.role;
  const from = atProject.find((r) => r.id === current)?.name ?? current;
  return (
    <GuardedCall procedure="grants.update" input={{ id: grant.id, version: grant.version }}>
      {(disabled) => (
        <Select
          aria-label={`Role of ${user.email}`}
          data={roleOptions(atProject)}
          value={current}
          onChange={(role) => {
            const to = atProject.find((r) => r.id === role);
            if (to !== undefined && to.id !== current) change.ask({ user, grant, from, to });
          }}
          disabled={disabled || change.pending}
          allowDeselect={false}
          size="xs"
          w={190}
        />
      )}
    </GuardedCall>
  );
};

export const WebRemoveCell = ({ project, user }: CellProps) => {
  const removeFromProject = useRemoveFromWebProject(project);
  const removeFromAll = useRemoveFromAllProjects(project);
  return (
    <Stack gap={4} align="flex-end">
      <GuardedCall procedure="users.removeAccess" input={{ userId: user.id, scope: project.scope }}>
        {(disabled) => (
          <Button
            size="xs"
            variant="default"
            disabled={disabled}
            aria-label={`Remove ${user.email} from ${project.name}`}
            onClick={() => removeFromProject(user)}
          >
            Remove from project
          </Button>
        )}
      </GuardedCall>
      <GuardedCall
        procedure="users.removeFromProjects"
        input={{ org: project.scope.org, instance: project.instanceId, userId: user.id }}
      >
        {(disabled) => (
          <Button
            size="xs"
            color="red"
            variant="light"
            disabled={disabled}
            aria-label={`Remove ${user.email} from all projects`}
            onClick={() => removeFromAll(user)}
          >
            Remove from all projects
          </Button>
        )}
      </GuardedCall>
    </Stack>
  );
};

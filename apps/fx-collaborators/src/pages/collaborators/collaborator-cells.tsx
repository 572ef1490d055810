// A collaborator row's cells that read its grants in the project: its project role, its granular roles, and Remove
// from project / from all projects (seed 003's Remove From Account), each guarded by the server's answer for its call.
import { useTRPC } from "@gatehouse/client";
import { GuardedCall } from "@gatehouse/ui";
import { Button, Select, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useRoleNames } from "../granular/granular-queries.ts";
import type { FeatureProject } from "../projects/feature-projects.ts";
import { useRemoveFromAllProjects } from "../web/web-collaborator-mutations.ts";
import { type Collaborator, useChangeRole, useRemoveFromProject } from "./collaborator-mutations.ts";
import type { CollaboratorRow } from "./collaborator-table.tsx";
import {
  type GranularNames,
  granularLabels,
  projectRoleGrant,
  useCollaboratorGrants,
  useFeatureProjectRoles,
} from "./project-roles.ts";

interface CellProps {
  readonly project: FeatureProject;
  readonly user: Collaborator;
}

/**
 * The project role a collaborator holds from above the project (Administrator, given for the instance, directly or
 * through a group), as the list served it: changed where it is given, not here.
 */
const ReachingRole = ({ reaching }: { readonly reaching: CollaboratorRow["access"][number] }) => (
  <Text
    size="sm"
    title={`Given ${reaching.where}${reaching.via === null ? "" : ` through group ${reaching.via.name}`}: change it where it is given`}
  >
    {reaching.roleName} ({reaching.via === null ? reaching.where : `via ${reaching.via.name}`})
  </Text>
);

export const RoleCell = ({
  project,
  user,
}: {
  readonly project: FeatureProject;
  readonly user: CollaboratorRow;
}) => {
  const grants = useCollaboratorGrants(project, user.id);
  const { all, roles, options, isLoading } = useFeatureProjectRoles([project]);
  const change = useChangeRole(project, (id) => roles.find((role) => role.id === id)?.name ?? id);
  const grant = projectRoleGrant(grants.data?.grants ?? [], roles);
  if (grants.isLoading || isLoading) return <Text size="sm">…</Text>;
  if (grant === undefined || grant.role === null) {
    const above = user.access.find(
      (a) => (a.sitsAt.project ?? undefined) === undefined && all.some((role) => role.id === a.role),
    );
    return above === undefined ? <Text size="sm">No project role</Text> : <ReachingRole reaching={above} />;
  }
  const current = grant.role;
  return (
    <GuardedCall procedure="grants.update" input={{ id: grant.id, version: grant.version }}>
      {(disabled) => (
        <Select
          aria-label={`Project role of ${user.email}`}
          data={options}
          value={current}
          onChange={(role) => {
            if (role !== null && role !== current) change.ask(user, grant, role);
          }}
          disabled={disabled || change.pending}
          allowDeselect={false}
          size="xs"
          w={150}
        />
      )}
    </GuardedCall>
  );
};

/** Names for granular labels: the catalog's role names, the project's flags and environments (once needed). */
const useGranularNames = (project: string, needed: boolean): GranularNames => {
  const trpc = useTRPC();
  const roles = useRoleNames();
  const flags = useQuery(trpc.flags.list.queryOptions({ project }, { enabled: needed }));
  const environments = useQuery(
    trpc.projects.environments.list.queryOptions({ project }, { enabled: needed }),
  );
  const places = new Map([...(flags.data ?? []), ...(environments.data ?? [])].map((p) => [p.id, p.name]));
  return { role: (id) => roles.data?.get(id) ?? id, place: (id) => places.get(id) ?? id };
};

export const GranularCell = ({ project, user }: CellProps) => {
  const grants = useCollaboratorGrants(project, user.id);
  const held = grants.data?.grants ?? [];
  const names = useGranularNames(
    project.id,
    held.some((g) => g.scope.flag !== undefined || g.scope.environment !== undefined),
  );
  const labels = granularLabels(held, names);
  if (labels.length === 0) return <Text size="sm">Defaults of the project role</Text>;
  return (
    <Stack gap={2}>
      {labels.map((label) => (
        <Text key={label} size="xs">
          {label}
        </Text>
      ))}
    </Stack>
  );
};

export const RemoveCell = ({ project, user }: CellProps) => {
  const removeFromProject = useRemoveFromProject(project);
  const removeFromAll = useRemoveFromAllProjects(project);
  return (
    <Stack gap={4} align="flex-end">
      <GuardedCall procedure="users.removeAccess" input={{ userId: user.id, scope: project.scope }}>
        {(disabled) => (
          <Button
            size="xs"
            variant="default"
            disabled={disabled}
            aria-label={`Remove ${user.email} from project`}
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

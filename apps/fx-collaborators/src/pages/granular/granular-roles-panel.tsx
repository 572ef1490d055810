// Granular roles of one collaborator on a Feature project: one role per environment and ONE per flag (it applies
// in every environment), each the default its project role gives or an explicit override; locked where the
// catalog locks them (served: catalog.featureRoles); every change is the call the server's `may` allowed.
import { Loaded } from "@gatehouse/ui";
import { Alert, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useEnvironments, useFlags, useProjectPlace } from "../flags/project-place.ts";
import {
  environmentScope,
  explicitAt,
  type FeatureProjectRole,
  flagScope,
  projectRoleOf,
} from "./entity-grants.ts";
import type { EntityRoleCall } from "./entity-role-calls.ts";
import { useEntityRoleChange } from "./entity-role-change.ts";
import { EntityRoleSelect } from "./entity-role-select.tsx";
import { useCollaborator, useFeatureRoles, useRoleNames } from "./granular-queries.ts";
import { MultipleExperiments } from "./multiple-experiments.tsx";

/** Why the holder's entity roles cannot be changed, when the catalog locks them. */
const lockOf = (role: FeatureProjectRole, nameOf: (role: string) => string) =>
  role.entityRolesLocked
    ? `${nameOf(role.id)}s hold ${nameOf(role.defaultEnvironmentRole.production)} in every environment and ${nameOf(role.defaultFlagRole)} on every flag; their environment and flag roles cannot be changed.`
    : undefined;

export const GranularRolesPanel = ({ project, user }: { project: string; user: string }) => {
  const place = useProjectPlace(project);
  const environments = useEnvironments(project);
  const flags = useFlags(project);
  const scope = place.data?.scope;
  const collaborator = useCollaborator(user, scope);
  const featureRoles = useFeatureRoles();
  const names = useRoleNames();
  const change = useEntityRoleChange();

  const failed =
    place.error ??
    environments.error ??
    flags.error ??
    collaborator.error ??
    featureRoles.error ??
    names.error;
  if (
    failed !== null ||
    scope === undefined ||
    environments.data === undefined ||
    flags.data === undefined ||
    collaborator.data === undefined ||
    featureRoles.data === undefined ||
    names.data === undefined
  )
    return (
      <Loaded
        data={undefined}
        error={failed}
        onRetry={() => void collaborator.refetch()}
        loading="Loading granular roles…"
      />
    );

  const named = names.data;
  const nameOf = (role: string) => named.get(role) ?? role;
  const { grants, above } = collaborator.data;
  const who = collaborator.data.user.name;
  const { environmentRoles, flagRoles } = featureRoles.data;
  const projectRole =
    projectRoleOf(featureRoles.data, grants, project) ??
    featureRoles.data.projectRoles.find((role) => above.includes(role.id));
  if (projectRole === undefined)
    return (
      <Alert color="gray" title="No project role">
        {who} holds no role on this project, so environment and flag roles would give nothing. Give a project
        role first.
      </Alert>
    );
  const locked = lockOf(projectRole, nameOf);
  const common = {
    user,
    nameOf,
    locked,
    busy: change.isPending,
    onChange: (call: EntityRoleCall, done: string) => change.mutate({ call, done }),
  };

  return (
    <Card withBorder data-testid="granular-roles">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>Granular roles</Title>
          <Badge variant="light">Project role: {nameOf(projectRole.id)}</Badge>
        </Group>
        {locked === undefined ? (
          <Text size="sm" c="dimmed">
            Each environment and each flag follows the default {nameOf(projectRole.id)} gives unless an
            explicit role replaces it. On a flag's rules in an environment, {who} has the lower of the
            environment role and the flag role.
          </Text>
        ) : (
          <Alert
            color="yellow"
            title="Environment and flag roles are locked"
            data-testid="entity-roles-locked"
          >
            {locked}
          </Alert>
        )}
        <Title order={4}>Environments</Title>
        {environments.data.map((environment) => {
          const at = environmentScope(scope, environment.id);
          return (
            <EntityRoleSelect
              key={environment.id}
              {...common}
              label={environment.name}
              scope={at}
              current={explicitAt(grants, at)}
              roles={environmentRoles}
              defaultRole={
                environment.production
                  ? projectRole.defaultEnvironmentRole.production
                  : projectRole.defaultEnvironmentRole.other
              }
            />
          );
        })}
        <Group gap="xs" align="baseline">
          <Title order={4}>Flags</Title>
          <Text size="sm" c="dimmed">
            one role per flag, in every environment
          </Text>
        </Group>
        {flags.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            This project has no flags yet.
          </Text>
        ) : null}
        {flags.data.map((flag) => {
          const at = flagScope(scope, flag.id);
          return (
            <EntityRoleSelect
              key={flag.id}
              {...common}
              label={flag.name}
              scope={at}
              current={explicitAt(grants, at)}
              roles={flagRoles}
              defaultRole={projectRole.defaultFlagRole}
            />
          );
        })}
        <Title order={4}>Permissions</Title>
        <MultipleExperiments user={user} userName={who} projectScope={scope} grants={grants} />
      </Stack>
    </Card>
  );
};

// Granular roles of one collaborator on a Feature project: per environment and per flag, the default the
// project role gives or an explicit override, locked where the catalog locks them (served: catalog.featureRoles).
import type { Resource } from "@gatehouse/client";
import { Loaded } from "@gatehouse/ui";
import { Alert, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useEnvironments, useFlags, useProjectPlace } from "../flags/project-place.ts";
import {
  explicitAt,
  type FeatureProjectRole,
  type GrantRow,
  projectRoleOf,
  shortRole,
} from "./entity-grants.ts";
import { useEntityRoleChange } from "./entity-role-change.ts";
import { EntityRoleSelect } from "./entity-role-select.tsx";
import { useAssignable, useCollaborator, useFeatureRoles } from "./granular-queries.ts";
import { MultipleExperiments } from "./multiple-experiments.tsx";

/** Why the signed-in admin may not give these roles at those scopes, or undefined when it may give them all. */
const refusal = (
  answer: ReturnType<typeof useAssignable>["data"],
  roles: ReadonlyArray<string>,
): string | undefined => {
  if (answer === undefined) return "Checking what you may give…";
  for (const role of roles) {
    const found = answer.roles.find((r) => r.id === role);
    if (found === undefined) return `${shortRole(role)} cannot be given here`;
    if (found.decision === "deny") return found.reason;
  }
  return undefined;
};

/** The explicit role shared by every scope, undefined when none has one, "mixed" when they differ. */
const explicitAcross = (grants: ReadonlyArray<GrantRow>, scopes: ReadonlyArray<Resource>) => {
  const roles = new Set(scopes.map((s) => explicitAt(grants, s)?.role ?? null));
  if (roles.size > 1) return "mixed";
  const [only] = roles;
  return only === null || only === undefined ? undefined : only;
};

/** Why the holder's entity roles cannot be changed, when the catalog locks them. */
const lockOf = (role: FeatureProjectRole) =>
  role.entityRolesLocked
    ? `A ${shortRole(role.id)} holds ${shortRole(role.defaultEnvironmentRole.production)} and ${shortRole(role.defaultFlagRole)} everywhere; their entity roles cannot be changed.`
    : undefined;

export const GranularRolesPanel = ({ project, user }: { project: string; user: string }) => {
  const place = useProjectPlace(project);
  const environments = useEnvironments(project);
  const flags = useFlags(project);
  const scope = place.data?.scope;
  const collaborator = useCollaborator(user, scope);
  const featureRoles = useFeatureRoles();
  const envScopes = (environments.data ?? []).map((e) => ({ ...(scope as Resource), environment: e.id }));
  const flagScopes = (flags.data ?? []).flatMap((f) => envScopes.map((s) => ({ ...s, flag: f.id })));
  const envAssignable = useAssignable(scope === undefined ? [] : envScopes);
  const flagAssignable = useAssignable(scope === undefined ? [] : flagScopes);
  const grants = collaborator.data?.grants ?? [];
  const change = useEntityRoleChange(user, grants);

  const failed = place.error ?? environments.error ?? flags.error ?? collaborator.error ?? featureRoles.error;
  if (
    failed !== null ||
    scope === undefined ||
    environments.data === undefined ||
    flags.data === undefined ||
    collaborator.data === undefined ||
    featureRoles.data === undefined
  )
    return (
      <Loaded
        data={undefined}
        error={failed}
        onRetry={() => void collaborator.refetch()}
        loading="Loading granular roles…"
      />
    );

  const who = collaborator.data.user.name;
  const { environmentRoles, flagRoles } = featureRoles.data;
  const projectRole = projectRoleOf(featureRoles.data, grants, project);
  if (projectRole === undefined)
    return (
      <Alert color="gray" title="No project role">
        {who} holds no role on this project, so environment and flag roles would give nothing. Give a project
        role first.
      </Alert>
    );
  const locked = lockOf(projectRole);
  const envReason = locked ?? refusal(envAssignable.data, environmentRoles);
  const flagReason = locked ?? refusal(flagAssignable.data, flagRoles);

  return (
    <Card withBorder data-testid="granular-roles">
      <Stack>
        <Group justify="space-between">
          <Title order={3}>Granular roles</Title>
          <Badge variant="light">Project role: {shortRole(projectRole.id)}</Badge>
        </Group>
        {locked === undefined ? (
          <Text size="sm" c="dimmed">
            An explicit role replaces the default the project role gives. A flag's role applies in every
            environment.
          </Text>
        ) : (
          <Alert color="yellow" title="Entity roles are locked" data-testid="entity-roles-locked">
            {locked}
          </Alert>
        )}
        <Title order={4}>Environments</Title>
        {environments.data.map((environment, i) => {
          const at = envScopes[i] as Resource;
          return (
            <EntityRoleSelect
              key={environment.id}
              label={environment.name}
              roles={environmentRoles}
              defaultRole={
                environment.production
                  ? projectRole.defaultEnvironmentRole.production
                  : projectRole.defaultEnvironmentRole.other
              }
              explicit={explicitAcross(grants, [at])}
              disabledReason={envReason}
              busy={change.isPending}
              onChange={(role) => change.mutate({ scopes: [at], role, where: environment.name })}
            />
          );
        })}
        <Title order={4}>Flags</Title>
        {flags.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            This project has no flags yet.
          </Text>
        ) : null}
        {flags.data.map((flag) => {
          const at = envScopes.map((s) => ({ ...s, flag: flag.id }));
          return (
            <EntityRoleSelect
              key={flag.id}
              label={flag.name}
              roles={flagRoles}
              defaultRole={projectRole.defaultFlagRole}
              explicit={explicitAcross(grants, at)}
              disabledReason={flagReason}
              busy={change.isPending}
              onChange={(role) => change.mutate({ scopes: at, role, where: flag.name })}
            />
          );
        })}
        <Title order={4}>Permissions</Title>
        <MultipleExperiments user={user} userName={who} projectScope={scope} grants={grants} />
      </Stack>
    </Card>
  );
};

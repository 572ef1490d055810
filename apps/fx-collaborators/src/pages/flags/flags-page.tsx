// Flags (route /projects/:project/flags): each flag's status and its on/off state per environment, with
// toggles the engine guards, Add environment, and "Manage … roles" where the server says the user manages them.
import { type Column, Crumbs, DataTable, QueryState } from "@gatehouse/ui";
import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { type EntityKind, entityRolesPath } from "../entity-roles/entity-roles-query.ts";
import { AddEnvironment } from "./add-environment.tsx";
import { type EnvironmentRow, type FlagRow, type FlagStatus, FlagToggle } from "./flag-toggle.tsx";
import { useEnvironments, useFlags, useProjectPlace } from "./project-place.ts";

const statusColor: Record<FlagStatus, string> = { draft: "gray", running: "green", paused: "orange" };

/** Where the server says the signed-in user may view the flag (flag-none hides it there). */
const viewableIn = (flag: FlagRow, environment: string) =>
  flag.resources.find((place) => place.environment === environment && place.viewable);

/** "Manage Production's roles": shown where the server says the user manages the entity's roles. */
const ManageRoles = (props: {
  readonly project: string;
  readonly kind: EntityKind;
  readonly id: string;
  readonly name: string;
}) => (
  <Anchor component={Link} to={entityRolesPath(props.project, props.kind, props.id)} size="xs">
    Manage {props.name}'s roles
  </Anchor>
);

const environmentColumn =
  (project: string) =>
  (environment: EnvironmentRow): Column<FlagRow> => ({
    id: `env-${environment.id}`,
    header: () => (
      <Stack gap={2}>
        <Group gap={4} wrap="nowrap">
          <Text size="sm" fw={600}>
            {environment.name}
          </Text>
          {environment.production ? (
            <Badge size="xs" color="red" variant="light">
              {environment.primary ? "primary · production" : "production"}
            </Badge>
          ) : null}
        </Group>
        {environment.managesRoles ? (
          <ManageRoles project={project} kind="environment" id={environment.id} name={environment.name} />
        ) : null}
      </Stack>
    ),
    cell: ({ row }) => {
      const place = viewableIn(row.original, environment.id);
      return place === undefined ? (
        <Text size="sm" c="dimmed">
          Hidden from you (flag-none)
        </Text>
      ) : (
        <FlagToggle flag={row.original} environment={environment} />
      );
    },
  });

export const FlagsPage = () => {
  const project = useParams().project ?? "";
  const place = useProjectPlace(project);
  const environments = useEnvironments(project);
  return (
    <QueryState query={place} loading="Loading the project…">
      {({ name }) => (
        <QueryState query={environments} loading="Loading the project…">
          {(list) => <Flags project={project} name={name} environments={list} />}
        </QueryState>
      )}
    </QueryState>
  );
};

interface FlagsProps {
  readonly project: string;
  readonly name: string;
  readonly environments: ReadonlyArray<EnvironmentRow>;
}

const Flags = ({ project, name, environments }: FlagsProps) => {
  const flags = useFlags(project);
  // A flag the user may view nowhere is left out (the server sends it to who manages the collaborators).
  const visible = flags.data?.filter((flag) => flag.resources.some((r) => r.viewable));
  const columns: Array<Column<FlagRow>> = [
    {
      id: "flag",
      header: "Flag",
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {row.original.name}
          </Text>
          <Text size="xs" c="dimmed">
            {row.original.key}
          </Text>
          {row.original.managesRoles ? (
            <ManageRoles project={project} kind="flag" id={row.original.id} name={row.original.name} />
          ) : null}
        </Stack>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => (
        <Badge variant="light" color={statusColor[row.original.status]}>
          {row.original.status}
        </Badge>
      ),
    },
    ...environments.map(environmentColumn(project)),
  ];
  return (
    <Stack>
      <Crumbs
        items={[
          { label: "Projects", to: "/projects" },
          { label: name, to: `/projects/${project}/flags` },
          { label: "Flags" },
        ]}
      />
      <Group justify="space-between">
        <Title order={1} size="h2">
          Flags
        </Title>
        <AddEnvironment project={project} projectName={name} />
      </Group>
      <Text size="sm" c="dimmed">
        Turn a flag on or off per environment. In production (primary) environments editors cannot launch
        flags: a publisher, or an env-publisher role on the environment, is needed. A flag role applies in
        every environment, new ones included: a flag hidden from you is hidden in all of them.
      </Text>
      <DataTable
        label="Flags"
        columns={columns}
        rows={visible}
        rowKey={(row) => row.id}
        error={flags.error}
        onRetry={() => void flags.refetch()}
        empty={{ title: "No flags", hint: "This project has no flags you may see." }}
      />
    </Stack>
  );
};

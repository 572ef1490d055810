// Flags (route /projects/:project/flags): each flag's status and its on/off state per environment, with
// toggles the engine guards; flags the user may not view (flag-none) are left out; the change stream refreshes it.
import type { Column } from "@gatehouse/ui";
import { Crumbs, DataTable, ErrorState, LoadingState } from "@gatehouse/ui";
import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useParams } from "react-router";
import { type EnvironmentRow, FlagToggle } from "./flag-toggle.tsx";
import { useEnvironments, useFlags, useProjectPlace } from "./project-place.ts";
import { useVisibleFlags, type VisibleFlag } from "./visible-flags.ts";

const statusColor = { draft: "gray", running: "green", paused: "orange" } as const;

const environmentColumn =
  (scope: NonNullable<ReturnType<typeof useProjectPlace>["data"]>["scope"]) =>
  (environment: EnvironmentRow): Column<VisibleFlag> => ({
    id: `env-${environment.id}`,
    header: () => (
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
    ),
    cell: ({ row }) =>
      row.original.environments.has(environment.id) ? (
        <FlagToggle scope={scope} flag={row.original.flag} environment={environment} />
      ) : (
        <Text size="sm" c="dimmed">
          Hidden from you (flag-none)
        </Text>
      ),
  });

export const FlagsPage = () => {
  const project = useParams().project ?? "";
  const place = useProjectPlace(project);
  const environments = useEnvironments(project);
  const flags = useFlags(project);
  const visible = useVisibleFlags(place.data?.scope, flags.data, environments.data);
  if (place.isLoading || environments.isLoading) return <LoadingState label="Loading the project…" />;
  const failed = place.error ?? environments.error;
  if (failed !== null || place.data === undefined || environments.data === undefined)
    return (
      <ErrorState
        error={failed}
        onRetry={() => {
          void place.refetch();
          void environments.refetch();
        }}
      />
    );
  const { scope, name } = place.data;
  const columns: Array<Column<VisibleFlag>> = [
    {
      id: "flag",
      header: "Flag",
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {row.original.flag.name}
          </Text>
          <Text size="xs" c="dimmed">
            {row.original.flag.key}
          </Text>
        </Stack>
      ),
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => (
        <Badge variant="light" color={statusColor[row.original.flag.status]}>
          {row.original.flag.status}
        </Badge>
      ),
    },
    ...environments.data.map(environmentColumn(scope)),
  ];
  return (
    <Stack>
      <Crumbs
        items={[
          { label: "Projects", to: "/projects" },
          { label: name, to: `/projects/${project}/collaborators` },
          { label: "Flags" },
        ]}
      />
      <Title order={2}>Flags</Title>
      <Text size="sm" c="dimmed">
        Turn a flag on or off per environment. In production (primary) environments editors cannot launch
        flags: a publisher, or an env-publisher role on the environment, is needed.
      </Text>
      <DataTable
        label="Flags"
        columns={columns}
        rows={visible.data}
        rowKey={(row) => row.flag.id}
        error={flags.error ?? visible.error}
        onRetry={() => void flags.refetch()}
        empty={{ title: "No flags", hint: "This project has no flags you may see." }}
      />
    </Stack>
  );
};

// Audiences (route /projects/:project/audiences): each audience of a Feature project with the flags and environments
// using it; Edit and Archive are guarded by the server's answer for their own calls (the audience role decides).
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { type Column, Crumbs, DataTable, QueryState } from "@gatehouse/ui";
import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { useProjectPlace } from "../flags/project-place.ts";
import { AudienceActions } from "./audience-actions.tsx";

export type AudienceRow = RouterOutputs["audiences"]["list"][number];

const statusColor: Record<string, string> = { draft: "gray", running: "green", paused: "orange" };

/** Where the audience is used, one badge per flag and environment (a flag hidden from the reader unnamed). */
const UsedBy = ({ audience }: { audience: AudienceRow }) =>
  audience.uses.length === 0 ? (
    <Text size="sm" c="dimmed">
      Not used by any flag
    </Text>
  ) : (
    <Group gap={4}>
      {audience.uses.map((use) => (
        <Badge
          key={`${use.flag ?? "hidden"}-${use.environment}`}
          variant="light"
          color={use.flagStatus === null ? "gray" : (statusColor[use.flagStatus] ?? "gray")}
          tt="none"
        >
          {use.flagName ?? "A flag hidden from you"} · {use.environmentName}
          {use.flagStatus === null ? "" : ` (${use.flagStatus})`}
        </Badge>
      ))}
    </Group>
  );

const columns: Array<Column<AudienceRow>> = [
  {
    id: "audience",
    header: "Audience",
    cell: ({ row }) => (
      <Stack gap={0}>
        <Group gap={6}>
          <Text size="sm" fw={500}>
            {row.original.name}
          </Text>
          {row.original.archived ? (
            <Badge size="xs" color="gray">
              Archived
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {row.original.key}
        </Text>
      </Stack>
    ),
  },
  { id: "uses", header: "Used by", cell: ({ row }) => <UsedBy audience={row.original} /> },
  {
    id: "actions",
    header: "",
    cell: ({ row }) => (row.original.archived ? null : <AudienceActions audience={row.original} />),
  },
];

export const AudiencesPage = () => {
  const project = useParams().project ?? "";
  const trpc = useTRPC();
  const place = useProjectPlace(project);
  const audiences = useQuery(trpc.audiences.list.queryOptions({ project }));
  return (
    <QueryState query={place} loading="Loading the project…">
      {({ name }) => (
        <Stack>
          <Crumbs
            items={[
              { label: "Projects", to: "/projects" },
              { label: name, to: `/projects/${project}/flags` },
              { label: "Audiences" },
            ]}
          />
          <Title order={1} size="h2">
            Audiences
          </Title>
          <Text size="sm" c="dimmed">
            Who an audience may change follows the flags using it: your role on an audience is the lowest of
            your roles on the project and on each flag and environment that uses it. An audience no flag uses
            follows your project role.
          </Text>
          <DataTable
            label="Audiences"
            columns={columns}
            rows={audiences.data}
            rowKey={(row) => row.id}
            error={audiences.error}
            onRetry={() => void audiences.refetch()}
            empty={{ title: "No audiences", hint: "This project has no audiences yet." }}
          />
        </Stack>
      )}
    </QueryState>
  );
};

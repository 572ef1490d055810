// Who holds Mission Control roles or single permissions on the instance (directly, product-wide or through a group;
// partner users, deactivated and removed accounts marked), shown to the customer's admins, with the way to revoke.

import type { RouterOutputs } from "@gatehouse/client";
import { useCan, useTRPC } from "@gatehouse/client";
import { type Column, DataTable } from "@gatehouse/ui";
import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

type Holder = RouterOutputs["missionControl"]["holders"][number];

const columns: Array<Column<Holder>> = [
  {
    id: "user",
    header: "User",
    cell: ({ row }) => (
      <Stack gap={0}>
        <Group gap={6}>
          <Text size="sm">{row.original.name}</Text>
          {row.original.removed ? (
            <Badge
              variant="light"
              color="red"
              title="Its organization removed this account: its roles count for nothing"
            >
              Removed
            </Badge>
          ) : row.original.deactivated ? (
            <Badge variant="light" color="red" title="Its roles count for nothing until it is reactivated">
              Deactivated
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c="dimmed">
          {row.original.email}
        </Text>
      </Stack>
    ),
  },
  {
    id: "role",
    header: "Role or permission",
    cell: ({ row }) => (
      <Stack gap={0}>
        <Text size="sm">{row.original.roleName}</Text>
        {row.original.single ? (
          <Text size="xs" c="dimmed">
            Single permission
          </Text>
        ) : null}
      </Stack>
    ),
  },
  {
    id: "where",
    header: "On",
    cell: ({ row }) => (row.original.instance === null ? "All environments" : "This environment"),
  },
  {
    id: "how",
    header: "Through",
    cell: ({ row }) => (
      <Group gap={4}>
        {row.original.partner ? (
          <Badge variant="light" color="violet">
            Partner · {row.original.orgName}
          </Badge>
        ) : null}
        <Text size="sm">{row.original.via === null ? "Direct grant" : `Group ${row.original.via}`}</Text>
      </Group>
    ),
  },
];

export const HoldersList = ({ org, instance }: { org: string; instance: string }) => {
  const trpc = useTRPC();
  const { allowed } = useCan("admin-center:user.view", { org });
  const holders = useQuery({
    ...trpc.missionControl.holders.queryOptions({ customer: org, instance }),
    enabled: allowed === true,
  });
  if (allowed !== true) return null;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>Who holds Mission Control access here</Title>
        <Anchor href="/admin-center/access-requests" size="sm">
          Grant or revoke partner access in the Admin Center
        </Anchor>
      </Group>
      <DataTable
        label="Role holders"
        columns={columns}
        rows={holders.data}
        rowKey={(row) => `${row.user}-${row.role}-${row.via ?? ""}-${row.instance ?? ""}`}
        error={holders.error}
        onRetry={() => void holders.refetch()}
        empty={{ title: "Nobody holds a Mission Control role here" }}
      />
    </Stack>
  );
};

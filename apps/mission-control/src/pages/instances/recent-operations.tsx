// The instance's latest operations (who ran what, when, the outcome), newest first, with Cancel on the ones not
// started yet; read again every few seconds while one is active. The History page has the full, filterable list.
import { useCan, useTRPC } from "@gatehouse/client";
import { type Column, DataTable, type GuardedProps } from "@gatehouse/ui";
import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { type Operation, when } from "../history/operation-words.ts";
import { Requester } from "../history/requester.tsx";
import { StatusBadge } from "../history/status-badge.tsx";
import { CancelButton } from "./cancel-button.tsx";
import { isActive } from "./use-operation.ts";

export interface RecentOperationsProps {
  readonly org: string;
  readonly instance: string;
  readonly resource: GuardedProps["resource"];
}

const limit = 8;

export const RecentOperations = ({ org, instance, resource }: RecentOperationsProps) => {
  const trpc = useTRPC();
  const { allowed } = useCan("mission-control:site.view", resource);
  const history = useQuery({
    ...trpc.operations.history.queryOptions({ org, instance, limit }),
    enabled: allowed === true,
    refetchInterval: (query) =>
      query.state.data?.items.some((op) => isActive(op.status) && op.scheduledFor === null) === true
        ? 2000
        : false,
  });
  const columns: Array<Column<Operation>> = [
    { id: "action", header: "Action", cell: ({ row }) => row.original.actionName },
    { id: "status", header: "Status", cell: ({ row }) => <StatusBadge operation={row.original} /> },
    {
      id: "by",
      header: "Requested by",
      cell: ({ row }) => <Requester person={row.original.requester} />,
    },
    {
      id: "when",
      header: "When",
      cell: ({ row }) => (
        <Text size="sm">
          {row.original.scheduledFor !== null && row.original.status === "submitted"
            ? `scheduled ${when(row.original.scheduledFor)}`
            : when(row.original.createdAt)}
        </Text>
      ),
    },
    {
      id: "cancel",
      header: "",
      cell: ({ row }) =>
        row.original.status === "submitted" ? <CancelButton operation={row.original} /> : null,
    },
  ];
  // An Admin Center admin without a Mission Control role sees the environment and its holders, not its operations.
  if (allowed === false) return null;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>Recent operations</Title>
        <Anchor
          component={Link}
          to={`/history?customer=${encodeURIComponent(org)}&instance=${encodeURIComponent(instance)}`}
          size="sm"
        >
          Full history
        </Anchor>
      </Group>
      <DataTable
        label="Recent operations"
        columns={columns}
        rows={history.data?.items}
        rowKey={(row) => row.id}
        error={history.error}
        onRetry={() => void history.refetch()}
        empty={{ title: "No operations yet", hint: "Run an action above; it shows here with its outcome." }}
      />
    </Stack>
  );
};

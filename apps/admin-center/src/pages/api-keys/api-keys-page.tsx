// API keys (route /api-keys, the super admin's section): the organization's keys for product backends, newest
// first, with who created each and when it was last used; create one (its secret shown once) or revoke one.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { type Column, Crumbs, DataTable, GuardedCall } from "@gatehouse/ui";
import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { CreateKeyModal } from "./create-key-modal.tsx";
import { RevokeKeyButton } from "./revoke-key-button.tsx";

export type ApiKey = RouterOutputs["apiKeys"]["list"][number];

const when = (iso: string | null, never: string) => (iso === null ? never : new Date(iso).toLocaleString());

const columns: ReadonlyArray<Column<ApiKey>> = [
  { id: "name", header: "Name", cell: ({ row }) => row.original.name },
  {
    id: "prefix",
    header: "Starts with",
    cell: ({ row }) => (
      <Text ff="monospace" size="sm">
        {row.original.prefix}…
      </Text>
    ),
  },
  {
    id: "createdBy",
    header: "Created by",
    cell: ({ row }) => row.original.createdByName ?? "—",
  },
  {
    id: "createdAt",
    header: "Created",
    cell: ({ row }) => when(row.original.createdAt, "—"),
  },
  {
    id: "lastUsedAt",
    header: "Last used",
    cell: ({ row }) => when(row.original.lastUsedAt, "Never"),
  },
  {
    id: "status",
    header: "Status",
    cell: ({ row }) =>
      row.original.revokedAt === null ? (
        <Badge color="teal" variant="light">
          Active
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          Revoked {when(row.original.revokedAt, "")}
        </Badge>
      ),
  },
  {
    id: "actions",
    header: "",
    cell: ({ row }) => (row.original.revokedAt === null ? <RevokeKeyButton apiKey={row.original} /> : null),
  },
];

export const ApiKeysPage = () => {
  const trpc = useTRPC();
  const keys = useQuery(trpc.apiKeys.list.queryOptions());
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Crumbs items={[{ label: "API keys" }]} />
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">
          API keys
        </Title>
        <GuardedCall procedure="apiKeys.create" input={{ name: "API key" }}>
          {(disabled) => (
            <Button disabled={disabled} onClick={() => setCreating(true)}>
              Create API key
            </Button>
          )}
        </GuardedCall>
      </Group>
      <Text size="sm" c="dimmed">
        Your product backends send a key as <code>Authorization: Bearer …</code> to ask Gatehouse who may do
        what in your organization. A key reads the whole organization and changes nothing; revoke it once it
        is no longer used.
      </Text>
      <DataTable
        label="API keys"
        columns={columns}
        rows={keys.data}
        rowKey={(key) => key.id}
        error={keys.error}
        onRetry={() => void keys.refetch()}
        empty={{ title: "No API keys yet", hint: "Create one for a backend that checks permissions." }}
      />
      {creating ? <CreateKeyModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
};

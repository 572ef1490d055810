// Groups (route /groups): custom groups (created from a form opened under group.manage, renamed and deleted as the
// server answers those very calls), Everyone and product groups (read-only), each with its member count.

import { useSignedInOrg } from "@gatehouse/client";
import { type Column, Crumbs, DataTable, EmptyState, Guarded, GuardedCall } from "@gatehouse/ui";
import { Anchor, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { DeleteGroupButton } from "./delete-group-button.tsx";
import { GroupNameModal, type GroupNameTarget } from "./group-name-modal.tsx";
import { type GroupRow, kindLabel, useGroups } from "./group-queries.ts";

/** Custom groups first (the ones an admin manages), then Everyone, then the product groups; by name within each. */
const kindOrder = (kind: string) => (kind === "custom" ? 0 : kind === "everyone" ? 1 : 2);
const byKindThenName = (a: GroupRow, b: GroupRow) =>
  kindOrder(a.kind) - kindOrder(b.kind) || a.name.localeCompare(b.name);

const kindColor = (kind: string) => (kind === "custom" ? "indigo" : kind === "everyone" ? "teal" : "gray");

export const GroupsPage = () => {
  const org = useSignedInOrg();
  const groups = useGroups(org);
  const [naming, setNaming] = useState<GroupNameTarget | null>(null);
  if (org === undefined)
    return <EmptyState title="Groups belong to an organization">Sign in as a user of one.</EmptyState>;

  const columns: Array<Column<GroupRow>> = [
    {
      id: "name",
      header: "Name",
      cell: ({ row }) => (
        <Anchor component={Link} to={`/groups/${encodeURIComponent(row.original.id)}`} size="sm">
          {row.original.name}
        </Anchor>
      ),
    },
    {
      id: "kind",
      header: "Kind",
      cell: ({ row }) => (
        <Badge variant="light" color={kindColor(row.original.kind)}>
          {kindLabel(row.original.kind)}
        </Badge>
      ),
    },
    { id: "members", header: "Members", cell: ({ row }) => row.original.memberCount },
    {
      id: "description",
      header: "Description",
      cell: ({ row }) => (
        <Text size="sm" c="dimmed">
          {row.original.description}
        </Text>
      ),
    },
    {
      id: "actions",
      header: "Actions",
      cell: ({ row }) =>
        row.original.kind === "custom" ? (
          <Group gap="xs" wrap="nowrap">
            <GuardedCall
              procedure="groups.rename"
              input={{ id: row.original.id, version: row.original.version, name: row.original.name }}
            >
              {(disabled) => (
                <Button
                  size="xs"
                  variant="default"
                  disabled={disabled}
                  aria-label={`Rename ${row.original.name}`}
                  onClick={() =>
                    setNaming({
                      kind: "rename",
                      id: row.original.id,
                      version: row.original.version,
                      name: row.original.name,
                    })
                  }
                >
                  Rename
                </Button>
              )}
            </GuardedCall>
            <DeleteGroupButton group={row.original} />
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            Managed by Gatehouse
          </Text>
        ),
    },
  ];

  return (
    <Stack>
      <Crumbs items={[{ label: "Groups" }]} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Groups
          </Title>
          <Text size="sm" c="dimmed">
            Members inherit every role given to their groups. Everyone and product groups follow the users'
            grants.
          </Text>
        </div>
        <Guarded action="admin-center:group.manage" resource={{ org }}>
          {(disabled) => (
            <Button disabled={disabled} onClick={() => setNaming({ kind: "create", org })}>
              Create group
            </Button>
          )}
        </Guarded>
      </Group>
      <DataTable
        label="Groups"
        columns={columns}
        rows={groups.data === undefined ? undefined : [...groups.data].sort(byKindThenName)}
        rowKey={(row) => row.id}
        error={groups.error}
        onRetry={() => void groups.refetch()}
        empty={{ title: "No groups yet", hint: "Create a group to give several users the same roles." }}
      />
      <GroupNameModal target={naming} onClose={() => setNaming(null)} />
    </Stack>
  );
};

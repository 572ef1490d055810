// A user's entitlements in the context the details were opened from: role, place, expiry (expiring grants say
// when), and per grant Edit role and Delete role (grant-actions.tsx).
import type { Resource, RouterOutputs } from "@gatehouse/client";
import { type Column, DataTable } from "@gatehouse/ui";
import { Badge, Group, Text } from "@mantine/core";
import { GrantActions } from "./grant-actions.tsx";

export type GrantRow = RouterOutputs["users"]["get"]["grants"][number];

const DAY_MS = 24 * 60 * 60 * 1000;

const Expiry = ({ at }: { at: string | null }) => {
  if (at === null)
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  const when = new Date(at);
  const days = Math.ceil((when.getTime() - Date.now()) / DAY_MS);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{when.toLocaleDateString(undefined, { dateStyle: "medium" })}</Text>
      <Badge size="sm" variant="light" color={days <= 0 ? "red" : days <= 7 ? "orange" : "gray"}>
        {days <= 0 ? "expired" : `expires in ${days} day${days === 1 ? "" : "s"}`}
      </Badge>
    </Group>
  );
};

export interface EntitlementsTableProps {
  readonly grants: ReadonlyArray<GrantRow> | undefined;
  readonly error: unknown;
  readonly onRetry: () => void;
  readonly roleName: (role: string | null, permission: string | null) => string;
  readonly placeName: (scope: Resource) => string;
  readonly onEdit: (grant: GrantRow) => void;
  readonly onDelete: (grant: GrantRow) => void;
}

export const EntitlementsTable = ({
  grants,
  error,
  onRetry,
  roleName,
  placeName,
  onEdit,
  onDelete,
}: EntitlementsTableProps) => {
  const columns: Array<Column<GrantRow>> = [
    { id: "role", header: "Role", cell: ({ row }) => roleName(row.original.role, row.original.permission) },
    { id: "where", header: "Where", cell: ({ row }) => placeName(row.original.scope) },
    { id: "expires", header: "Expires", cell: ({ row }) => <Expiry at={row.original.expiresAt} /> },
    {
      id: "actions",
      header: "",
      cell: ({ row }) => (
        <GrantActions
          grant={row.original}
          editable={row.original.role !== null && row.original.scope.product !== undefined}
          roleName={roleName(row.original.role, row.original.permission)}
          onEdit={() => onEdit(row.original)}
          onDelete={() => onDelete(row.original)}
        />
      ),
    },
  ];
  return (
    <DataTable
      label="Entitlements"
      columns={columns}
      rows={grants}
      rowKey={(row) => row.id}
      error={error}
      onRetry={onRetry}
      empty={{ title: "No roles here", hint: "The user holds no role in this place." }}
    />
  );
};

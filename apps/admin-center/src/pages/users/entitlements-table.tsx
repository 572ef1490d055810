// A user's entitlements in the context the details were opened from: role, place, expiry (expiring grants say
// when), per grant Edit role and Delete role (grant-actions.tsx); roles reaching it from elsewhere link there.
import type { RouterOutputs } from "@gatehouse/client";
import { type Column, DataTable } from "@gatehouse/ui";
import { Badge, Group, Text } from "@mantine/core";
import { GrantActions } from "./grant-actions.tsx";
import { ReachedFrom, type ReachRow, whereReached } from "./reached-from.tsx";

export type GrantRow = RouterOutputs["users"]["get"]["grants"][number];
type Row = { readonly held: GrantRow } | { readonly reached: ReachRow };

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const inTime = new Intl.RelativeTimeFormat(undefined, { numeric: "always" });

/** How long until `remaining` ms have passed, as a person reads it: in hours within a day, else in days. */
const expiresIn = (remaining: number): string =>
  remaining < DAY_MS
    ? `expires ${inTime.format(Math.ceil(remaining / HOUR_MS), "hour")}`
    : `expires ${inTime.format(Math.ceil(remaining / DAY_MS), "day")}`;

const Expiry = ({ at }: { at: string | null }) => {
  if (at === null)
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  const when = new Date(at);
  const remaining = when.getTime() - Date.now();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{when.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}</Text>
      <Badge
        size="sm"
        variant="light"
        color={remaining <= 0 ? "red" : remaining <= 7 * DAY_MS ? "orange" : "gray"}
      >
        {remaining <= 0 ? "expired" : expiresIn(remaining)}
      </Badge>
    </Group>
  );
};

export interface EntitlementsTableProps {
  readonly grants: ReadonlyArray<GrantRow> | undefined;
  /** The roles reaching the place from above it or through a group (users.get `access` not among `grants`). */
  readonly reached: ReadonlyArray<ReachRow>;
  readonly error: unknown;
  readonly onRetry: () => void;
  readonly roleName: (role: string | null, permission: string | null) => string;
  /** A held grant's place by name (its flag's id, if any, shows on hover). */
  readonly placeName: (grant: GrantRow) => string;
  readonly onEdit: (grant: GrantRow) => void;
  readonly onDelete: (grant: GrantRow) => void;
}

export const EntitlementsTable = ({
  grants,
  reached,
  error,
  onRetry,
  roleName,
  placeName,
  onEdit,
  onDelete,
}: EntitlementsTableProps) => {
  const columns: Array<Column<Row>> = [
    {
      id: "role",
      header: "Role",
      cell: ({ row: { original } }) =>
        "held" in original
          ? roleName(original.held.role, original.held.permission)
          : original.reached.roleName,
    },
    {
      id: "where",
      header: "Where",
      cell: ({ row: { original } }) =>
        "held" in original ? (
          <span title={original.held.scope.flag}>{placeName(original.held)}</span>
        ) : (
          whereReached(original.reached)
        ),
    },
    {
      id: "expires",
      header: "Expires",
      cell: ({ row: { original } }) => ("held" in original ? <Expiry at={original.held.expiresAt} /> : null),
    },
    {
      id: "actions",
      header: "",
      cell: ({ row: { original } }) =>
        "held" in original ? (
          <GrantActions
            grant={original.held}
            editable={original.held.role !== null && original.held.scope.product !== undefined}
            roleName={roleName(original.held.role, original.held.permission)}
            onEdit={() => onEdit(original.held)}
            onDelete={() => onDelete(original.held)}
          />
        ) : (
          <ReachedFrom row={original.reached} />
        ),
    },
  ];
  const rows =
    grants === undefined
      ? undefined
      : [...grants.map((held) => ({ held })), ...reached.map((reach) => ({ reached: reach }))];
  return (
    <DataTable
      label="Entitlements"
      columns={columns}
      rows={rows}
      rowKey={(row) => ("held" in row ? row.held.id : `${row.reached.grant}:${row.reached.via?.id ?? ""}`)}
      error={error}
      onRetry={onRetry}
      empty={{ title: "No roles here", hint: "The user holds no role in this place." }}
    />
  );
};

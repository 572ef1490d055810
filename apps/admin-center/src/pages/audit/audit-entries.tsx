// One page of audit entries as a table whose rows expand to the entry's before and after snapshots; the
// actor and the target are links that narrow the log to them, and the Time header sorts newest or oldest first.
import type { RouterInputs, RouterOutputs } from "@gatehouse/client";
import { EmptyState, SortableHeader } from "@gatehouse/ui";
import { Anchor, Button, Code, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";

export type AuditEntry = RouterOutputs["audit"]["list"]["items"][number];
export type AuditOrder = NonNullable<RouterInputs["audit"]["list"]["order"]>;

export interface AuditEntriesProps {
  readonly entries: ReadonlyArray<AuditEntry>;
  readonly order: AuditOrder;
  readonly onOrderChange: (order: AuditOrder) => void;
  readonly onActor: (actor: string) => void;
  readonly onTarget: (kind: string, id: string | null) => void;
}

const Snapshot = ({ label, value }: { label: string; value: unknown }) => (
  <Stack gap={4}>
    <Text size="xs" fw={600}>
      {label}
    </Text>
    {value === null || value === undefined ? (
      <Text size="xs" c="dimmed">
        Nothing
      </Text>
    ) : (
      <Code block>{JSON.stringify(value, null, 2)}</Code>
    )}
  </Stack>
);

const when = (at: string) => new Date(at).toLocaleString();

export const AuditEntries = ({ entries, order, onOrderChange, onActor, onTarget }: AuditEntriesProps) => {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  if (entries.length === 0)
    return <EmptyState title="No entries">Nothing in the log matches these filters.</EmptyState>;
  return (
    <Table aria-label="Audit entries" verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <SortableHeader
            sorted={order === "newest" ? "desc" : "asc"}
            onSort={() => onOrderChange(order === "newest" ? "oldest" : "newest")}
          >
            Time
          </SortableHeader>
          <Table.Th>Actor</Table.Th>
          <Table.Th>Action</Table.Th>
          <Table.Th>Target</Table.Th>
          <Table.Th>Changes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => {
          const expanded = open.has(entry.id);
          return (
            <Fragment key={entry.id}>
              <Table.Tr>
                <Table.Td>
                  <Text size="sm">{when(entry.at)}</Text>
                </Table.Td>
                <Table.Td>
                  {entry.actor.id === null || entry.actor.kind !== "user" ? (
                    <Text size="sm">{entry.actor.id ?? entry.actor.kind}</Text>
                  ) : (
                    <Anchor component="button" size="sm" onClick={() => onActor(entry.actor.id ?? "")}>
                      {entry.actor.id}
                    </Anchor>
                  )}
                  {entry.actor.kind === "user" ? null : (
                    <Text size="xs" c="dimmed">
                      {entry.actor.kind}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Code>{entry.action}</Code>
                </Table.Td>
                <Table.Td>
                  <Anchor
                    component="button"
                    size="sm"
                    onClick={() => onTarget(entry.target.kind, entry.target.id)}
                  >
                    {entry.target.kind}
                    {entry.target.id === null ? "" : ` ${entry.target.id}`}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => toggle(entry.id)}
                    aria-expanded={expanded}
                    aria-label={`${expanded ? "Hide" : "Show"} the changes of ${entry.action} at ${when(entry.at)}`}
                  >
                    {expanded ? "Hide" : "Show"}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {expanded ? (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <SimpleGrid cols={2} spacing="sm">
                      <Snapshot label="Before" value={entry.before} />
                      <Snapshot label="After" value={entry.after} />
                    </SimpleGrid>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
};

// One page of operations, newest first: when, who, action, instance, status, duration and outcome; a row
// expands to the operation's status changes.
import { EmptyState } from "@gatehouse/ui";
import { Button, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { OperationEvents } from "./operation-events.tsx";
import { actionLabel, duration, type Operation, outcome, when } from "./operation-words.ts";
import { Requester } from "./requester.tsx";
import { StatusBadge } from "./status-badge.tsx";

export interface OperationsTableProps {
  readonly operations: ReadonlyArray<Operation>;
  /** The instance's name by id (the id itself when unknown). */
  readonly instanceName: (id: string) => string;
}

const columnCount = 8;

export const OperationsTable = ({ operations, instanceName }: OperationsTableProps) => {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  if (operations.length === 0)
    return <EmptyState title="No operations">Nothing was run here that matches these filters.</EmptyState>;
  return (
    <Table aria-label="Operations" verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Who</Table.Th>
          <Table.Th>Action</Table.Th>
          <Table.Th>Instance</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Duration</Table.Th>
          <Table.Th>Outcome</Table.Th>
          <Table.Th>Details</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {operations.map((op) => {
          const expanded = open.has(op.id);
          const action = actionLabel(op.action);
          return (
            <Fragment key={op.id}>
              <Table.Tr>
                <Table.Td>
                  <Text size="sm">{when(op.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Requester userId={op.requestedBy} org={op.org} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{action}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{instanceName(op.instance)}</Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge operation={op} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{duration(op) ?? "—"}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={op.status === "failed" ? "red" : "inherit"}>
                    {outcome(op)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    onClick={() => toggle(op.id)}
                    aria-expanded={expanded}
                    aria-label={`${expanded ? "Hide" : "Show"} the status changes of ${action} at ${when(op.createdAt)}`}
                  >
                    {expanded ? "Hide" : "Show"}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {expanded ? (
                <Table.Tr>
                  <Table.Td colSpan={columnCount}>
                    <OperationEvents id={op.id} />
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

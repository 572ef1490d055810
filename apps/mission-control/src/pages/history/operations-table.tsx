// One page of operations, newest first: when, who, action, instance, status, duration and outcome; a row
// expands to the operation's status changes.
import { type ExpandableColumn, ExpandableTable } from "@gatehouse/ui";
import { Text } from "@mantine/core";
import { OperationEvents } from "./operation-events.tsx";
import { duration, type Operation, outcome, when } from "./operation-words.ts";
import { Requester } from "./requester.tsx";
import { StatusBadge } from "./status-badge.tsx";

export interface OperationsTableProps {
  readonly operations: ReadonlyArray<Operation>;
  /** The instance's name by id (the id itself when unknown). */
  readonly instanceName: (id: string) => string;
}

export const OperationsTable = ({ operations, instanceName }: OperationsTableProps) => {
  const columns: ReadonlyArray<ExpandableColumn<Operation>> = [
    { id: "when", header: "When", cell: (op) => <Text size="sm">{when(op.createdAt)}</Text> },
    { id: "who", header: "Who", cell: (op) => <Requester person={op.requester} /> },
    { id: "action", header: "Action", cell: (op) => <Text size="sm">{op.actionName}</Text> },
    { id: "instance", header: "Instance", cell: (op) => <Text size="sm">{instanceName(op.instance)}</Text> },
    { id: "status", header: "Status", cell: (op) => <StatusBadge operation={op} /> },
    { id: "duration", header: "Duration", cell: (op) => <Text size="sm">{duration(op) ?? "—"}</Text> },
    {
      id: "outcome",
      header: "Outcome",
      cell: (op) => (
        <Text size="sm" c={op.status === "failed" ? "red" : "inherit"}>
          {outcome(op)}
        </Text>
      ),
    },
  ];
  return (
    <ExpandableTable
      label="Operations"
      rows={operations}
      rowKey={(op) => op.id}
      columns={columns}
      detailsHeader="Details"
      toggleLabel={(op, expanded) =>
        `${expanded ? "Hide" : "Show"} the status changes of ${op.actionName} at ${when(op.createdAt)}`
      }
      details={(op) => <OperationEvents id={op.id} />}
      empty={{ title: "No operations", hint: "Nothing was run here that matches these filters." }}
    />
  );
};

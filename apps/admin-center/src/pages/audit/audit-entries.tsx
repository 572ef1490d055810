// One page of audit entries as a table whose rows expand to the entry's before and after snapshots; the
// actor and the target are links that narrow the log to them, and the Time header sorts newest or oldest first.
import type { RouterInputs, RouterOutputs } from "@gatehouse/client";
import { type ExpandableColumn, ExpandableTable } from "@gatehouse/ui";
import { Anchor, Code, SimpleGrid, Stack, Text } from "@mantine/core";

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

/**
 * Who acted, by name with the id on hover: a user narrows the log to it; another organization's user the reader
 * may not see, the platform operator and API keys are said as such.
 */
const ActorCell = ({ actor, onActor }: { actor: AuditEntry["actor"]; onActor: (actor: string) => void }) => {
  if (actor.kind === "user" && actor.id !== null)
    return (
      <Anchor
        component="button"
        size="sm"
        title={`User id ${actor.id}`}
        onClick={() => onActor(actor.id ?? "")}
      >
        {actor.name ?? "A user of another organization"}
      </Anchor>
    );
  return (
    <Text size="sm" title={actor.id === null ? undefined : `${actor.kind} ${actor.id}`}>
      {actorKinds[actor.kind] ?? actor.kind}
    </Text>
  );
};

const actorKinds: Record<string, string> = {
  operator: "The platform operator",
  "api-key": "An API key",
  system: "Gatehouse",
};

export const AuditEntries = ({ entries, order, onOrderChange, onActor, onTarget }: AuditEntriesProps) => {
  const columns: ReadonlyArray<ExpandableColumn<AuditEntry>> = [
    {
      id: "time",
      header: "Time",
      cell: (entry) => <Text size="sm">{when(entry.at)}</Text>,
      sort: {
        sorted: order === "newest" ? "desc" : "asc",
        onSort: () => onOrderChange(order === "newest" ? "oldest" : "newest"),
      },
    },
    {
      id: "actor",
      header: "Actor",
      cell: (entry) => <ActorCell actor={entry.actor} onActor={onActor} />,
    },
    {
      id: "action",
      header: "Action",
      cell: (entry) => <span title={entry.action}>{entry.actionName}</span>,
    },
    {
      id: "target",
      header: "Target",
      cell: (entry) => (
        <Anchor
          component="button"
          size="sm"
          title={entry.target.id === null ? undefined : `${entry.target.kind} ${entry.target.id}`}
          onClick={() => onTarget(entry.target.kind, entry.target.id)}
        >
          {entry.target.kind}
          {entry.target.name === null ? "" : ` ${entry.target.name}`}
        </Anchor>
      ),
    },
  ];
  return (
    <ExpandableTable
      label="Audit entries"
      rows={entries}
      rowKey={(entry) => entry.id}
      columns={columns}
      detailsHeader="Changes"
      toggleLabel={(entry, expanded) =>
        `${expanded ? "Hide" : "Show"} the changes of ${entry.actionName} at ${when(entry.at)}`
      }
      details={(entry) => (
        <SimpleGrid cols={2} spacing="sm">
          <Snapshot label="Before" value={entry.before} />
          <Snapshot label="After" value={entry.after} />
        </SimpleGrid>
      )}
      empty={{ title: "No entries", hint: "Nothing in the log matches these filters." }}
    />
  );
};

// An operation's status changes, oldest first (operations.get): when, to which status, by whom and what the
// executor said; refreshed with the page as the operation moves on.
import { useSession, useTRPC } from "@gatehouse/client";
import { QueryState } from "@gatehouse/ui";
import { Code, Stack, Text, Timeline } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { statusLabel, when } from "./operation-words.ts";

export const OperationEvents = ({ id }: { id: string }) => {
  const trpc = useTRPC();
  const me = useSession().data?.id;
  const by = (actor: { readonly id: string; readonly name: string | null; readonly of?: string } | null) =>
    actor === null
      ? " · by the executor"
      : ` · by ${actor.id === me ? "you" : (actor.name ?? (actor.of === undefined ? "a user of another organization" : `a user of ${actor.of}`))}`;
  const operation = useQuery(trpc.operations.get.queryOptions({ id }));
  return (
    <QueryState query={operation} loading="Loading its status changes…">
      {({ events, result }) => (
        <Stack gap="sm" aria-label="Status changes">
          <Timeline active={events.length - 1} bulletSize={14} lineWidth={2}>
            {events.map((event) => (
              <Timeline.Item key={`${event.status} ${event.at}`} title={statusLabel[event.status]}>
                <Text size="xs" c="dimmed">
                  {when(event.at)}
                  {by(event.actor)}
                </Text>
                {event.message === null ? null : <Text size="sm">{event.message}</Text>}
              </Timeline.Item>
            ))}
          </Timeline>
          {result === null || result === undefined ? null : (
            <Stack gap={2}>
              <Text size="xs" fw={600}>
                Result
              </Text>
              <Code block>{JSON.stringify(result, null, 2)}</Code>
            </Stack>
          )}
        </Stack>
      )}
    </QueryState>
  );
};

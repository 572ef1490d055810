// The operation just submitted from this page: its live status (submitted → in-progress → completed, failed or
// cancelled) with the time of each change, the schedule when it waits, and Cancel while it has not started.
import { QueryState } from "@gatehouse/ui";
import { Card, CloseButton, Group, Stack, Stepper, Text } from "@mantine/core";
import { when } from "../history/operation-words.ts";
import { StatusBadge } from "../history/status-badge.tsx";
import { CancelButton } from "./cancel-button.tsx";
import { isActive, useOperation } from "./use-operation.ts";

export interface OperationTrackerProps {
  readonly id: string;
  readonly onDismiss: () => void;
}

const steps = ["submitted", "in-progress", "finished"] as const;

export const OperationTracker = ({ id, onDismiss }: OperationTrackerProps) => {
  const operation = useOperation(id);
  const op = operation.data;
  const at = (status: string) => op?.events.find((e) => e.status === status)?.at;
  const finished = op === undefined || isActive(op.status) ? undefined : op.status;
  const active = op === undefined ? 0 : op.status === "submitted" ? 1 : op.status === "in-progress" ? 2 : 3;
  return (
    <Card withBorder aria-label="Running operation" role="region">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Text fw={600}>{op === undefined ? "Operation" : op.actionName}</Text>
          {op === undefined ? null : <StatusBadge operation={op} />}
        </Group>
        <CloseButton aria-label="Dismiss" onClick={onDismiss} />
      </Group>
      <QueryState query={operation}>
        {(op) => (
          <Stack gap="sm">
            <Stepper
              active={active}
              size="sm"
              color={finished === "completed" ? "green" : finished === undefined ? "indigo" : "red"}
            >
              {steps.map((step) => {
                const label = step === "finished" ? (finished ?? "completed / failed") : step;
                const time = at(step === "finished" ? (finished ?? "") : step);
                return (
                  <Stepper.Step
                    key={step}
                    label={label}
                    description={time === undefined ? undefined : new Date(time).toLocaleTimeString()}
                    loading={step === "in-progress" && op.status === "in-progress"}
                  />
                );
              })}
            </Stepper>
            {op.scheduledFor !== null && op.status === "submitted" ? (
              <Text size="sm">Scheduled for {when(op.scheduledFor)}.</Text>
            ) : null}
            {op.error === null ? null : (
              <Text size="sm" c="red">
                {op.error}
              </Text>
            )}
            {op.status === "submitted" ? <CancelButton operation={op} /> : null}
          </Stack>
        )}
      </QueryState>
    </Card>
  );
};

// Cancel for an operation that has not started yet, after a confirmation; enabled for users the engine allows
// the same action on the instance (who could have run it), disabled with its "Why?" otherwise.
import { confirm, Guarded, type GuardedProps } from "@gatehouse/ui";
import { Button } from "@mantine/core";
import { actionLabel } from "../history/operation-words.ts";
import { useCancel } from "./use-run.ts";

export interface CancelButtonProps {
  readonly operation: { readonly id: string; readonly action: string };
  readonly resource: GuardedProps["resource"];
}

export const CancelButton = ({ operation, resource }: CancelButtonProps) => {
  const cancel = useCancel();
  const label = actionLabel(operation.action);
  return (
    <Guarded action={operation.action} resource={resource}>
      {(disabled) => (
        <Button
          size="xs"
          variant="light"
          color="red"
          disabled={disabled}
          loading={cancel.isPending}
          aria-label={`Cancel ${label}`}
          onClick={() =>
            confirm({
              title: `Cancel ${label}?`,
              message: `The ${label.toLowerCase()} has not started; cancelling means it will not run.`,
              confirmLabel: "Cancel operation",
              destructive: true,
              onConfirm: () => cancel.mutate(operation.id),
            })
          }
        >
          Cancel
        </Button>
      )}
    </Guarded>
  );
};

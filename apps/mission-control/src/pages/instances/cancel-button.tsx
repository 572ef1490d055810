// Cancel for an operation that has not started yet, after a confirmation; enabled for users the engine allows
// the same action on the instance (who could have run it), disabled with its "Why?" otherwise.
import { ConfirmButton, type GuardedProps } from "@gatehouse/ui";
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
    <ConfirmButton
      action={operation.action}
      resource={resource}
      ariaLabel={`Cancel ${label}`}
      pending={cancel.isPending}
      confirm={{
        title: `Cancel ${label}?`,
        message: `The ${label.toLowerCase()} has not started; cancelling means it will not run.`,
        confirmLabel: "Cancel operation",
      }}
      onConfirm={() => cancel.mutate(operation.id)}
    >
      Cancel
    </ConfirmButton>
  );
};

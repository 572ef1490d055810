// Cancel for an operation that has not started yet, after a confirmation; enabled when the server would take
// `operations.cancel` for it (who could have run it), disabled with its "Why?" otherwise.
import { ConfirmButton } from "@gatehouse/ui";
import { useCancel } from "./use-run.ts";

export interface CancelButtonProps {
  readonly operation: { readonly id: string; readonly actionName: string };
}

export const CancelButton = ({ operation }: CancelButtonProps) => {
  const cancel = useCancel();
  const label = operation.actionName;
  return (
    <ConfirmButton
      procedure="operations.cancel"
      input={{ id: operation.id }}
      ariaLabel={`Cancel ${label}`}
      pending={cancel.isPending}
      confirm={{
        title: `Cancel ${label}?`,
        message: `The ${label.toLowerCase()} has not started; cancelling means it will not run.`,
        confirmLabel: "Cancel operation",
        cancelLabel: "Keep operation",
      }}
      onConfirm={() => cancel.mutate(operation.id)}
    >
      Cancel
    </ConfirmButton>
  );
};

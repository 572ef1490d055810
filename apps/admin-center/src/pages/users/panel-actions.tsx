// A role panel's confirm and Cancel buttons: confirming waits for a chosen role, then asks the server about that
// very call (GuardedCall: disabled with its "Why?" when refused) before it can be pressed.
import { GuardedCall } from "@gatehouse/ui";
import { Button, Group } from "@mantine/core";

export interface PanelActionsProps {
  /** The mutation confirming calls, and its input (undefined until a role is chosen). */
  readonly procedure: string;
  readonly input: unknown;
  readonly label: string;
  readonly pending: boolean;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

export const PanelActions = ({ procedure, input, label, pending, onConfirm, onClose }: PanelActionsProps) => (
  <Group gap="xs">
    {input === undefined ? (
      <Button disabled>{label}</Button>
    ) : (
      <GuardedCall procedure={procedure} input={input}>
        {(disabled) => (
          <Button disabled={disabled} loading={pending} onClick={onConfirm}>
            {label}
          </Button>
        )}
      </GuardedCall>
    )}
    <Button variant="default" onClick={onClose}>
      Cancel
    </Button>
  </Group>
);

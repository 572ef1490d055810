// The whole-account actions on a user's details, set apart from the place's: Deactivate or Reactivate, and Remove
// from account (not offered again once removed); each guarded by the server's answer for its call, then confirmed.
import { Group, Text } from "@mantine/core";
import { GuardedButton } from "./guarded-button.tsx";
import { type UserRef, useAccountStatus, useRemoveFromAccount } from "./user-mutations.ts";

export interface AccountActionsProps {
  readonly user: UserRef & { readonly status: string };
  /** After Remove from account: back to the list the details were opened from. */
  readonly onRemoved: () => void;
}

export const AccountActions = ({ user, onRemoved }: AccountActionsProps) => {
  const deactivated = user.status === "deactivated";
  const status = useAccountStatus(deactivated ? "reactivate" : "deactivate");
  const removeFromAccount = useRemoveFromAccount(onRemoved);
  return (
    <Group gap="xs" role="group" aria-label="Whole account">
      <Text size="xs" c="dimmed">
        Whole account:
      </Text>
      {user.status === "active" || deactivated ? (
        <GuardedButton
          procedure={deactivated ? "users.reactivate" : "users.deactivate"}
          input={{ userId: user.id }}
          label={deactivated ? "Reactivate" : "Deactivate"}
          tone={deactivated ? "primary" : "quiet"}
          pending={status.pending}
          onClick={() => status.ask(user)}
        />
      ) : null}
      {user.status === "disabled" ? (
        <Text size="sm">Removed from the account</Text>
      ) : (
        <GuardedButton
          procedure="users.removeFromAccount"
          input={{ userId: user.id }}
          label="Remove from account"
          tone="danger"
          pending={removeFromAccount.pending}
          onClick={() => removeFromAccount.ask(user)}
        />
      )}
    </Group>
  );
};

// Removing a user's access from an instance or project, and deleting a user from the account, each after a
// confirmation naming what goes; the outcome is a toast, and the reads the user's grants reach refresh.
import { type UserRef, useRemoveAccess as useRemoveAccessAt, useRemoveFromAccount } from "@gatehouse/ui";
import type { UserScope } from "../products/scope-paths.ts";

export type { UserRef };

/** Asks for confirmation, then removes every grant the user holds inside `scope` (an instance or project). */
export const useRemoveAccess = (org: string, scope: UserScope, placeName: string, onDone?: () => void) =>
  useRemoveAccessAt(
    { org, ...scope },
    {
      confirm: (user) => ({
        title: `Remove access from ${placeName}?`,
        message: `${user.name} (${user.email}) loses every role in ${placeName}. Roles elsewhere stay.`,
        confirmLabel: "Remove access",
        destructive: true,
      }),
      done: (result, user) => `Removed ${result.removed.length} role(s) of ${user.name} from ${placeName}`,
      ...(onDone === undefined ? {} : { onDone }),
    },
  );

/** Asks for confirmation, then deletes the user from the account: every role it holds in the organization goes. */
export const useDeleteUser = (onDone?: () => void) =>
  useRemoveFromAccount({
    confirm: (user) => ({
      title: `Delete ${user.name}?`,
      message: `${user.name} (${user.email}) loses every role in the organization. The account and its history stay, so the user can be invited again.`,
      confirmLabel: "Delete user",
      destructive: true,
    }),
    done: (result, user) =>
      `Deleted ${user.name} from the account (${result.removed.length} role(s) removed)`,
    ...(onDone === undefined ? {} : { onDone }),
  });

// What an admin does to a user, each after a confirmation saying what it does: remove its access from or delete it
// from this instance or project, remove it from the whole account, deactivate or reactivate its account.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import {
  type UserRef,
  useConfirmedMutation,
  useDeleteFromPlace,
  useRemoveAccess as useRemoveAccessAt,
  useRemoveFromAccount as useRemoveFromAccountAt,
} from "@gatehouse/ui";
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
        cancelLabel: "Keep access",
        destructive: true,
      }),
      done: (result, user) => `Removed ${result.removed.length} role(s) of ${user.name} from ${placeName}`,
      ...(onDone === undefined ? {} : { onDone }),
    },
  );

/** Asks for confirmation, then deletes the user from `scope`: its roles there and its invitations only there. */
export const useDeleteUser = (org: string, scope: UserScope, placeName: string, onDone?: () => void) =>
  useDeleteFromPlace(
    { org, ...scope },
    {
      confirm: (user) => ({
        title: `Delete ${user.name} from ${placeName}?`,
        message: `${user.name} (${user.email}) loses every role in ${placeName}, and a pending invitation to ${placeName} is withdrawn. Roles elsewhere and the account stay; the user can be invited here again.`,
        confirmLabel: "Delete user",
        cancelLabel: "Keep user",
        destructive: true,
      }),
      done: (result, user) =>
        `Deleted ${user.name} from ${placeName} (${result.removed.length} role(s) removed)`,
      ...(onDone === undefined ? {} : { onDone }),
    },
  );

/** Asks for confirmation, then removes the user from the whole account: every role and group, and its sign-in. */
export const useRemoveFromAccount = (onDone?: () => void) =>
  useRemoveFromAccountAt({
    confirm: (user) => ({
      title: `Remove ${user.name} from the account?`,
      message: `${user.name} (${user.email}) loses every role and group in the whole organization, in every product, instance and project, and can no longer sign in. Its history stays; the user can be invited again.`,
      confirmLabel: "Remove from account",
      cancelLabel: "Keep in the account",
      destructive: true,
    }),
    done: (result, user) =>
      `Removed ${user.name} from the account (${result.removed.length} role(s) removed)`,
    ...(onDone === undefined ? {} : { onDone }),
  });

/** Asks for confirmation, then deactivates the account (`deactivate`) or reactivates it. */
export const useAccountStatus = (event: "deactivate" | "reactivate") => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useConfirmedMutation({
    mutationFn: (user: UserRef) => client.users[event].mutate({ userId: user.id }),
    confirm: (user) =>
      event === "deactivate"
        ? {
            title: `Deactivate ${user.name}?`,
            message: `${user.name} (${user.email}) is signed out at once and cannot sign in; the API keys it created stop working. Its roles stay but count for nothing until it is reactivated.`,
            confirmLabel: "Deactivate",
            destructive: true,
          }
        : {
            title: `Reactivate ${user.name}?`,
            message: `${user.name} (${user.email}) can sign in again, and every role it holds counts again.`,
            confirmLabel: "Reactivate",
            destructive: false,
          },
    done: (_result, user) => `${event === "deactivate" ? "Deactivated" : "Reactivated"} ${user.name}`,
    onDone: () => refresh.after(event === "deactivate" ? "user.deactivated" : "user.reactivated"),
  });
};

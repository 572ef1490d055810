// Removing a user's access from an instance or project, and deleting a user from the account, each after a
// confirmation naming what goes; the outcome is a toast, and the lists and details read again.
import { useGatehouse } from "@gatehouse/client";
import { confirm, toast } from "@gatehouse/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { UserScope } from "../products/scope-paths.ts";

export interface UserRef {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

const useRefresh = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ["users.list"] }),
      queryClient.invalidateQueries({ queryKey: ["users.get"] }),
    ]);
};

/** Asks for confirmation, then removes every grant the user holds inside `scope` (an instance or project). */
export const useRemoveAccess = (org: string, scope: UserScope, placeName: string, onDone?: () => void) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const mutation = useMutation({
    mutationFn: (user: UserRef) =>
      client.users.removeAccess.mutate({ userId: user.id, scope: { org, ...scope } }),
    onSuccess: async (result, user) => {
      toast.success(`Removed ${result.removed.length} role(s) of ${user.name} from ${placeName}`);
      await refresh();
      onDone?.();
    },
    onError: (error) => toast.failure(error),
  });
  const ask = (user: UserRef) =>
    confirm({
      title: `Remove access from ${placeName}?`,
      message: `${user.name} (${user.email}) loses every role in ${placeName}. Roles elsewhere stay.`,
      confirmLabel: "Remove access",
      destructive: true,
      onConfirm: () => mutation.mutate(user),
    });
  return { ask, pending: mutation.isPending };
};

/** Asks for confirmation, then deletes the user from the account: every role it holds in the organization goes. */
export const useDeleteUser = (onDone?: () => void) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const mutation = useMutation({
    mutationFn: (user: UserRef) => client.users.removeFromAccount.mutate({ userId: user.id }),
    onSuccess: async (result, user) => {
      toast.success(`Deleted ${user.name} from the account (${result.removed.length} role(s) removed)`);
      await refresh();
      onDone?.();
    },
    onError: (error) => toast.failure(error),
  });
  const ask = (user: UserRef) =>
    confirm({
      title: `Delete ${user.name}?`,
      message: `${user.name} (${user.email}) loses every role in the organization. The account and its history stay, so the user can be invited again.`,
      confirmLabel: "Delete user",
      destructive: true,
      onConfirm: () => mutation.mutate(user),
    });
  return { ask, pending: mutation.isPending };
};

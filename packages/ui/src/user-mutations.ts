// Taking a user's roles away, after a confirmation: from one place (users.removeAccess, or users.delete which also
// withdraws its invitations there) or from the whole account (users.removeFromAccount); apps word each one.
import { type RouterInputs, type RouterOutputs, useGatehouse, useRefresh } from "@gatehouse/client";
import type { ConfirmOptions } from "./confirm.tsx";
import { useConfirmedMutation } from "./confirmed-mutation.ts";

export interface UserRef {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** The place (an instance or a project) whose roles users.removeAccess takes away. */
export type RemovalScope = RouterInputs["users"]["removeAccess"]["scope"];

export interface RemovalWords<R> {
  readonly confirm: (user: UserRef) => Omit<ConfirmOptions, "onConfirm">;
  readonly done: (result: R, user: UserRef) => string;
  readonly onDone?: () => void;
}

type Removed = RouterOutputs["users"]["removeAccess"];

/** Asks, then removes every grant the user holds inside `scope`; the reads its grants reach are refreshed. */
export const useRemoveAccess = (scope: RemovalScope, words: RemovalWords<Removed>) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useConfirmedMutation({
    mutationFn: (user: UserRef) => client.users.removeAccess.mutate({ userId: user.id, scope }),
    confirm: words.confirm,
    done: words.done,
    onDone: async () => {
      await refresh.after("grant.removed");
      words.onDone?.();
    },
  });
};

/** Asks, then deletes the user from `scope`: its grants there and its pending invitations only there. */
export const useDeleteFromPlace = (
  scope: RemovalScope,
  words: RemovalWords<RouterOutputs["users"]["delete"]>,
) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useConfirmedMutation({
    mutationFn: (user: UserRef) => client.users.delete.mutate({ userId: user.id, scope }),
    confirm: words.confirm,
    done: words.done,
    onDone: async () => {
      await refresh.after("grant.removed");
      words.onDone?.();
    },
  });
};

/** Asks, then removes every grant the user holds in its organization (the account and its history stay). */
export const useRemoveFromAccount = (words: RemovalWords<RouterOutputs["users"]["removeFromAccount"]>) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useConfirmedMutation({
    mutationFn: (user: UserRef) => client.users.removeFromAccount.mutate({ userId: user.id }),
    confirm: words.confirm,
    done: words.done,
    onDone: async () => {
      await refresh.after("grant.removed");
      words.onDone?.();
    },
  });
};

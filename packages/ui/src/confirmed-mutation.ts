// A mutation asked for with a confirmation first: `ask(variables)` opens the confirmation, confirming runs the
// mutation; success is a toast naming what was done (then `onDone`), failure a toast with the API's message.
import { useMutation } from "@tanstack/react-query";
import { type ConfirmOptions, confirm } from "./confirm.tsx";
import { toast } from "./toasts.ts";

export interface ConfirmedMutationOptions<V, R> {
  readonly mutationFn: (variables: V) => Promise<R>;
  /** What the confirmation asks before `variables` are sent. */
  readonly confirm: (variables: V) => Omit<ConfirmOptions, "onConfirm">;
  /** What the success toast says. */
  readonly done: (result: R, variables: V) => string;
  /** After success and the toast: refresh what changed, close a panel… (awaited). */
  readonly onDone?: (result: R, variables: V) => unknown;
}

export const useConfirmedMutation = <V, R>(options: ConfirmedMutationOptions<V, R>) => {
  const mutation = useMutation({
    mutationFn: options.mutationFn,
    onSuccess: async (result: R, variables: V) => {
      toast.success(options.done(result, variables));
      await options.onDone?.(result, variables);
    },
    onError: (error) => toast.failure(error),
  });
  const ask = (variables: V) =>
    confirm({ ...options.confirm(variables), onConfirm: () => mutation.mutate(variables) });
  return { ask, pending: mutation.isPending };
};

// Running, scheduling and cancelling operations on an instance: the mutations with their toasts; every cached
// Mission Control read is invalidated after, so the recent operations and the tracked one show the new state.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { toast } from "@gatehouse/ui";
import { useMutation } from "@tanstack/react-query";
import type { RunnableAction } from "./actions.ts";

export interface RunRequest {
  readonly action: RunnableAction;
  readonly scheduledFor?: string;
  readonly confirmName?: string;
}

export const useRun = (instance: string) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (request: RunRequest) => client.operations.run.mutate({ instance, ...request }),
    // The answer may hold generated credentials: the page takes them, then nothing keeps the mutation.
    gcTime: 0,
    onSuccess: ({ operation }) =>
      toast.success(
        operation.scheduledFor === null
          ? `${operation.actionName} submitted`
          : `${operation.actionName} scheduled for ${new Date(operation.scheduledFor).toLocaleString()}`,
      ),
    onError: (error) => toast.failure(error),
    onSettled: () => refresh.routers("operations", "missionControl"),
  });
};

export const useCancel = () => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => client.operations.cancel.mutate({ id }),
    onSuccess: (operation) => toast.success(`${operation.actionName} cancelled`),
    onError: (error) => toast.failure(error),
    onSettled: () => refresh.routers("operations", "missionControl"),
  });
};

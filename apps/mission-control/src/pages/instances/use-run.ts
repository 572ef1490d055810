// Running, scheduling and cancelling operations on an instance: the mutations with their toasts; every cached
// Mission Control read is invalidated after, so the recent operations and the tracked one show the new state.
import { type GatehouseTRPC, useGatehouse, useTRPC } from "@gatehouse/client";
import { toast } from "@gatehouse/ui";
import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { actionLabel } from "../history/operation-words.ts";
import type { RunnableAction } from "./actions.ts";

export interface RunRequest {
  readonly action: RunnableAction;
  readonly scheduledFor?: string;
  readonly confirmName?: string;
}

/** The reads an operation run or cancelled changes: operations, and the instances Mission Control shows. */
const refreshOperations = (queryClient: QueryClient, trpc: GatehouseTRPC) =>
  Promise.all([
    queryClient.invalidateQueries(trpc.operations.pathFilter()),
    queryClient.invalidateQueries(trpc.missionControl.pathFilter()),
  ]);

export const useRun = (instance: string) => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: RunRequest) => client.operations.run.mutate({ instance, ...request }),
    // The answer may hold generated credentials: the page takes them, then nothing keeps the mutation.
    gcTime: 0,
    onSuccess: ({ operation }) =>
      toast.success(
        operation.scheduledFor === null
          ? `${actionLabel(operation.action)} submitted`
          : `${actionLabel(operation.action)} scheduled for ${new Date(operation.scheduledFor).toLocaleString()}`,
      ),
    onError: (error) => toast.failure(error),
    onSettled: () => refreshOperations(queryClient, trpc),
  });
};

export const useCancel = () => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => client.operations.cancel.mutate({ id }),
    onSuccess: (operation) => toast.success(`${actionLabel(operation.action)} cancelled`),
    onError: (error) => toast.failure(error),
    onSettled: () => refreshOperations(queryClient, trpc),
  });
};

// One operation with its status changes, read again every second while it is active (bounded: at most ten
// minutes of polling) so a run shows submitted → in-progress → its outcome even without a live update.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export type OperationDetail = RouterOutputs["operations"]["get"];

export const isActive = (status: string) => status === "submitted" || status === "in-progress";

const maxPolls = 600;

export const useOperation = (id: string) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.operations.get.queryOptions({ id }),
    refetchInterval: (query) => {
      const op = query.state.data;
      const scheduled =
        op?.scheduledFor !== null && op?.scheduledFor !== undefined && op.status === "submitted";
      if (op !== undefined && !isActive(op.status)) return false;
      if (query.state.dataUpdateCount > maxPolls) return false;
      return scheduled ? 10_000 : 1000;
    },
  });
};

// The queries the customer and instance pages share: the customers the user reaches and a customer's instances.
// Live updates invalidate them on every committed change (a partner grant given or revoked shows at once).
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export type Customer = RouterOutputs["missionControl"]["customers"][number];
export type Instance = RouterOutputs["missionControl"]["instances"][number];

export const useCustomers = () => {
  const trpc = useTRPC();
  return useQuery(trpc.missionControl.customers.queryOptions());
};

export const useInstances = (customer: string) => {
  const trpc = useTRPC();
  return useQuery(trpc.missionControl.instances.queryOptions({ customer }));
};

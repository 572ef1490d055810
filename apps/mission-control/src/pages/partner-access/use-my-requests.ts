// The partner user's own requests, polled every few seconds while one awaits the customer or the operator:
// those decisions are changes of the customer's organization, whose live stream a partner user does not hear.
import { useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";
import type { MyRequest } from "./request-words.ts";

const pollMs = 4000;

/** Does any request still wait for someone else's decision? */
const awaitingDecision = (requests: ReadonlyArray<MyRequest> | undefined): boolean =>
  requests?.some((r) => r.status === "pending" || r.status === "customer-approved") === true;

export const useMyRequests = () => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.accessRequests.mine.queryOptions(),
    refetchInterval: (query) => (awaitingDecision(query.state.data) ? pollMs : false),
  });
};

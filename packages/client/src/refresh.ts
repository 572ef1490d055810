// Invalidating cached reads by router path key: what the change stream does with invalidation.ts's table, and
// what a mutation does after it succeeded (the same table, so a button and the stream refresh the same reads).
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { affectedBy, type ChangeType, type RouterName, withStoredDecisions } from "./invalidation.ts";
import { type GatehouseTRPC, useTRPC } from "./trpc-react.ts";

/**
 * Invalidates every cached read of `routers` (active ones are fetched again). A first fetch still in flight is
 * cancelled first: invalidating alone would let it finish with answers read before the change and keep them.
 */
export const invalidateRouters = (
  queryClient: QueryClient,
  trpc: GatehouseTRPC,
  routers: Iterable<RouterName>,
): Promise<unknown> =>
  Promise.all(
    [...routers].map(async (router) => {
      await queryClient.cancelQueries(trpc[router].pathFilter());
      await queryClient.invalidateQueries(trpc[router].pathFilter());
    }),
  );

/**
 * For a mutation's `onSuccess`/`onSettled`: `refresh.after("grant.added")` invalidates what that change may alter
 * (the table the change stream uses); `refresh.routers("flags")` names the routers of a change without engine
 * changes (a flag, an invitation, a rename), and the permission answers built from stored records (`may`), which
 * such a change may alter, as the stream's event for it does.
 */
export const useRefresh = () => {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  return useMemo(
    () => ({
      after: (...changes: ReadonlyArray<ChangeType>) =>
        invalidateRouters(queryClient, trpc, new Set(changes.flatMap((change) => affectedBy[change]))),
      routers: (...names: ReadonlyArray<RouterName>) =>
        invalidateRouters(queryClient, trpc, withStoredDecisions(names)),
    }),
    [queryClient, trpc],
  );
};

// The TanStack Query side of the tRPC client: `useTRPC()` answers the options proxy every app reads its
// queries and mutations from (`trpc.users.list.queryOptions(input)`, `.queryKey()`, `.pathKey()`).
import type { AppRouter } from "@gatehouse/api";
import { createTRPCContext, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";

/** The options proxy over the app router: query and mutation options, keys and filters by procedure path. */
export type GatehouseTRPC = TRPCOptionsProxy<AppRouter>;

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

// The provider every app wraps itself in: one QueryClient, one tRPC client (with its TanStack Query options
// proxy, useTRPC) and one check batcher for all hooks below; live updates from /events keep answers current.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { createCheckBatcher } from "./check-batcher.ts";
import { ClientContext, type ClientServices } from "./client-context.ts";
import { createTokenKeeper } from "./consistency-token.ts";
import { LiveUpdates } from "./live.tsx";
import { createGatehouseClient, errorCode } from "./trpc.ts";
import { TRPCProvider } from "./trpc-react.ts";

/** Retries only what may succeed on retry: never a refusal, bad input or a missing session. */
const retry = (failures: number, error: unknown): boolean => {
  const code = errorCode(error);
  if (code !== undefined && code !== "INTERNAL_SERVER_ERROR") return false;
  return failures < 2;
};

export const GatehouseProvider = ({ children, origin = "" }: { children: ReactNode; origin?: string }) => {
  const [services] = useState((): ClientServices => {
    const tokens = createTokenKeeper();
    const client = createGatehouseClient(origin, tokens);
    return { client, checks: createCheckBatcher(client, tokens), tokens };
  });
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry, staleTime: 10_000 } } }),
  );
  return (
    <ClientContext.Provider value={services}>
      <QueryClientProvider client={queryClient}>
        <TRPCProvider trpcClient={services.client} queryClient={queryClient}>
          <LiveUpdates origin={origin} />
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </ClientContext.Provider>
  );
};

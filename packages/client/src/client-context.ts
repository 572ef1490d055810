// Where the app's tRPC client and its check batcher live in React: set by GatehouseProvider, read by every hook.
// Kept apart from the provider so hooks and the provider do not import each other.
import { createContext, useContext } from "react";
import type { CheckBatcher } from "./check-batcher.ts";
import type { TokenKeeper } from "./consistency-token.ts";
import type { GatehouseClient } from "./trpc.ts";

export interface ClientServices {
  readonly client: GatehouseClient;
  readonly checks: CheckBatcher;
  /** The newest consistency token the client saw. */
  readonly tokens: TokenKeeper;
}

export const ClientContext = createContext<ClientServices | undefined>(undefined);

const services = (): ClientServices => {
  const value = useContext(ClientContext);
  if (value === undefined) throw new Error("Gatehouse hooks must be used inside <GatehouseProvider>");
  return value;
};

/** The app's tRPC client (inside GatehouseProvider). */
export const useGatehouse = (): GatehouseClient => services().client;

/** The batcher that gathers the page's permission checks into checkMany calls. */
export const useCheckBatcher = (): CheckBatcher => services().checks;

/** The newest consistency token the client saw (its answers' and its live events'). */
export const useConsistencyTokens = (): TokenKeeper => services().tokens;

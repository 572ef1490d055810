// @gatehouse/client: what the three apps share to talk to Gatehouse: the typed tRPC client, the provider,
// session and permission hooks, and live updates. Apps import the router's type only, never server code.
export {
  type ExplainedGrant,
  type Explanation,
  type MayAnswer,
  useCan,
  useExplain,
  useMay,
  useMayAny,
  useMayEach,
} from "./can.ts";
export type { Resource } from "./check-batcher.ts";
export { useGatehouse } from "./client-context.ts";
export { type ChangeType, type RouterName, routersAffectedBy } from "./invalidation.ts";
export { GatehouseProvider } from "./provider.tsx";
export { useRefresh } from "./refresh.ts";
export { type Me, useSession, useSignedInOrg, useSignIn, useSignOut } from "./session.ts";
export { useSessionEnded } from "./session-end.ts";
export {
  createGatehouseClient,
  errorCode,
  errorMessage,
  type GatehouseClient,
  type RouterInputs,
  type RouterOutputs,
} from "./trpc.ts";
export { type GatehouseTRPC, useTRPC } from "./trpc-react.ts";

// What every tRPC procedure receives: the decision engine, the request's id, who is asking, and its consistency token.
// The actor is resolved from a session cookie or an API key bearer header before any procedure runs.
import type { Engine } from "@gatehouse/domain";
import type { Partition } from "@gatehouse/store";
import type { RequestAuth } from "./auth/request-auth.ts";
import type { EngineAt, WrittenPosition } from "./consistency.ts";

/** Who a request acts as: a signed-in user, a product backend's API key, or the platform operator. */
export type Actor =
  | { readonly kind: "user"; readonly id: string; readonly org: string }
  | { readonly kind: "api-key"; readonly id: string; readonly org: string }
  | { readonly kind: "operator"; readonly id: string };

export interface ApiContext {
  readonly engine: Engine;
  /** A fresh id per request, echoed in the `x-request-id` header and written to audit records. */
  readonly requestId: string;
  /** Undefined when the request carries no valid session or API key. */
  readonly actor: Actor | undefined;
  /** The request's sign-in state; absent on a server built without a store (no sign-in configured). */
  readonly auth?: RequestAuth | undefined;
  /** The newest change the request made, answered in the Gatehouse-Token header (consistency.ts). */
  readonly written: WrittenPosition;
  /** The engine once this process applied a token (questions asked `atLeast`); absent without a store. */
  readonly engineAt?: EngineAt | undefined;
  /** The organizations this node holds (GATEHOUSE_ORGS, GATEHOUSE_PARTITION); absent: every organization. */
  readonly partition?: Partition | undefined;
}

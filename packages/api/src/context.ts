// What every tRPC procedure receives: the decision engine and the request's id.
// Sessions, the signed-in actor and the store join it as sign-in lands.
import type { Engine } from "@gatehouse/domain";

export interface ApiContext {
  readonly engine: Engine;
  /** A fresh id per request, echoed in the `x-request-id` header and written to audit records. */
  readonly requestId: string;
}

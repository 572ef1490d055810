// The remote answers a decision point falls back to when it is not fresh: the server's authz procedures (tRPC over
// HTTP, with the API key), passing `atLeast` along so the server answers only once it applied that position.
import type { Decision, Explanation } from "@gatehouse/domain";
import type { CallOptions, CheckManyQuestion, CheckQuestion, WhatCanQuestion } from "./questions.ts";
import type { Transport } from "./transport.ts";

export interface Remote {
  readonly check: (q: CheckQuestion, options?: CallOptions) => Promise<Decision>;
  readonly checkMany: (q: CheckManyQuestion, options?: CallOptions) => Promise<ReadonlyArray<Decision>>;
  readonly explain: (q: CheckQuestion, options?: CallOptions) => Promise<Explanation>;
  readonly whatCan: (q: WhatCanQuestion, options?: CallOptions) => Promise<ReadonlyArray<string>>;
}

const withToken = <Q extends object>(q: Q, options: CallOptions | undefined) =>
  options?.atLeast === undefined ? q : { ...q, atLeast: options.atLeast };

/** Remote answers through `transport`. */
export const remote = (transport: Transport): Remote => {
  const data = async <A>(response: Response): Promise<A> => {
    if (!response.ok) throw await transport.refusal(response);
    return ((await response.json()) as { readonly result: { readonly data: A } }).result.data;
  };
  const query = <A>(path: string, input: unknown) =>
    transport.get(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`).then((r) => data<A>(r));
  return {
    check: (q, options) => query<Decision>("authz.check", withToken(q, options)),
    // checkMany travels as a POST (a tRPC mutation) so that 1,000 checks fit.
    checkMany: (q, options) =>
      transport
        .post("/trpc/authz.checkMany", withToken(q, options))
        .then((r) => data<ReadonlyArray<Decision>>(r)),
    explain: (q, options) => query<Explanation>("authz.explain", withToken(q, options)),
    whatCan: (q, options) => query<ReadonlyArray<string>>("authz.whatCan", withToken(q, options)),
  };
};

// The remote answers a decision point falls back to when it is not fresh: the decision API (/v1/check, check-table for
// checkMany's questions, check-resources) and tRPC's authz explain/whatCan, with the API key, passing `atLeast` so the
// server waits for that position.
import { toTable } from "@gatehouse/contracts/check-table";
import type { Decision, Explanation } from "@gatehouse/domain";
import type {
  CallOptions,
  CheckManyQuestion,
  CheckQuestion,
  CheckResourcesQuestion,
  ResourceDecisions,
  WhatCanQuestion,
} from "./questions.ts";
import type { Transport } from "./transport.ts";

export interface Remote {
  readonly check: (q: CheckQuestion, options?: CallOptions) => Promise<Decision>;
  readonly checkMany: (q: CheckManyQuestion, options?: CallOptions) => Promise<ReadonlyArray<Decision>>;
  readonly checkResources: (q: CheckResourcesQuestion, options?: CallOptions) => Promise<ResourceDecisions>;
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
  const decide = async <A>(path: string, input: unknown): Promise<A> => {
    const response = await transport.post(path, input);
    if (!response.ok) throw await transport.refusal(response);
    return (await response.json()) as A;
  };
  return {
    check: (q, options) =>
      decide<{ readonly decision: Decision }>("/v1/check", withToken(q, options)).then((a) => a.decision),
    // As a table: each action, path and set of attributes once, the fastest form for the server to read.
    checkMany: ({ checks, ...about }, options) =>
      decide<{ readonly decisions: ReadonlyArray<Decision> }>(
        "/v1/check-table",
        withToken({ ...about, ...toTable(checks) }, options),
      ).then((a) => a.decisions),
    checkResources: (q, options) =>
      decide<{ readonly results: ResourceDecisions }>("/v1/check-resources", withToken(q, options)).then(
        (a) => a.results,
      ),
    explain: (q, options) => query<Explanation>("authz.explain", withToken(q, options)),
    whatCan: (q, options) => query<ReadonlyArray<string>>("authz.whatCan", withToken(q, options)),
  };
};

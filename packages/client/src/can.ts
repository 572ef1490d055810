// Permission hooks for controls: `useMay` asks whether the signed-in user may call a mutation with an input (the
// server runs that procedure's own authorization), `useCan` one action on a resource, `useExplain` the "Why?".
import { useQueries, useQuery } from "@tanstack/react-query";
import type { Resource } from "./check-batcher.ts";
import { useCheckBatcher, useConsistencyTokens, useGatehouse } from "./client-context.ts";
import { inWords } from "./in-words.ts";
import { useSession } from "./session.ts";
import type { RouterOutputs } from "./trpc.ts";
import { useTRPC } from "./trpc-react.ts";

export type Explanation = RouterOutputs["authz"]["explain"];

/** A grant as an explanation names it (the domain's ExplainedGrant, as the API serves it). */
export type ExplainedGrant = Explanation["deciding"][number];

export type MayAnswer = RouterOutputs["may"];

/** A mutation's call as `may` asks about it: the procedure's path (e.g. "users.removeFromAccount") and its input. */
export interface MayCall {
  readonly procedure: string;
  readonly input: unknown;
}

/** What a disabled query's key names: no call at all. */
const NO_CALL: MayCall = { procedure: "", input: null };

/**
 * The query asking `may` about one call (none: a disabled query): under `may`'s key and the account's id, so live
 * updates refresh it whenever decisions may have changed, and asked `atLeast` the newest consistency token seen, so
 * a process that has not yet applied a change the page knows of waits for it instead of answering from before it.
 */
const useMayQueries = () => {
  const client = useGatehouse();
  const tokens = useConsistencyTokens();
  const trpc = useTRPC();
  const me = useSession().data?.id;
  return (call: MayCall | undefined) => ({
    queryKey: [...trpc.may.queryKey(call ?? NO_CALL), { as: me }],
    queryFn: () => {
      const atLeast = tokens.latest();
      return client.may.query({ ...(call ?? NO_CALL), ...(atLeast === undefined ? {} : { atLeast }) });
    },
    // A refusal's reason is shown to people: in words, without the action codes.
    select: (answer: MayAnswer): MayAnswer =>
      answer.allowed ? answer : { ...answer, reason: inWords(answer.reason) },
    enabled: me !== undefined && call !== undefined,
  });
};

/**
 * Whether the signed-in user may call the mutation `procedure` with `input`: the server runs that procedure's own
 * authorization without its handler, so a button guarded by it asks exactly what pressing it asks. `answer`
 * carries the refusal's reason.
 */
export const useMay = (procedure: string, input: unknown) => {
  const query = useQuery(useMayQueries()({ procedure, input }));
  return { allowed: query.data?.allowed, answer: query.data, isLoading: query.isLoading, error: query.error };
};

/**
 * `may`'s answer for each of `calls`, in their order (undefined while it loads, and for no call): a control
 * offering several calls (a select whose every option is one) enables each as the server answers it.
 */
export const useMayEach = (
  calls: ReadonlyArray<MayCall | undefined>,
): ReadonlyArray<MayAnswer | undefined> => {
  const mayQuery = useMayQueries();
  return useQueries({
    queries: calls.map(mayQuery),
    combine: (results) => results.map((result) => result.data),
  });
};

/**
 * Whether the signed-in user may call `procedure` with at least one of `inputs` (an entry point to a form whose
 * Save will make one of these calls, e.g. one per instance it may pick): `allowed` once any answer allows it,
 * false with the first refusal as `answer` once every one refuses (or there is none), undefined while loading.
 */
export const useMayAny = (procedure: string, inputs: ReadonlyArray<unknown> | undefined) => {
  const answers = useMayEach((inputs ?? []).map((input) => ({ procedure, input })));
  if (inputs === undefined) return { allowed: undefined, answer: undefined };
  if (answers.some((answer) => answer?.allowed === true))
    return { allowed: true, answer: { allowed: true } as MayAnswer };
  if (answers.includes(undefined)) return { allowed: undefined, answer: undefined };
  return { allowed: false, answer: answers[0] };
};

/**
 * `allowed` is undefined while the answer loads; controls stay disabled until it says yes. Cached under
 * `authz.check`'s key (so the change stream's `authz` path key reaches it) and the signed-in account's id.
 */
export const useCan = (action: string, resource: Resource) => {
  const checks = useCheckBatcher();
  const trpc = useTRPC();
  const me = useSession().data?.id;
  const query = useQuery({
    queryKey: [...trpc.authz.check.queryKey({ action, resource }), { as: me }],
    queryFn: () => checks.check(action, resource),
    enabled: me !== undefined,
  });
  return { allowed: query.data, isLoading: query.isLoading, error: query.error };
};

/** The engine's explanation of the signed-in user's decision, fetched once `enabled` (the panel is open). */
export const useExplain = (action: string, resource: Resource, enabled: boolean) => {
  const client = useGatehouse();
  const tokens = useConsistencyTokens();
  const trpc = useTRPC();
  const me = useSession().data?.id;
  return useQuery({
    queryKey: [...trpc.authz.explain.queryKey({ action, resource }), { as: me }],
    queryFn: () => {
      const atLeast = tokens.latest();
      return client.authz.explain.query({ action, resource, ...(atLeast === undefined ? {} : { atLeast }) });
    },
    enabled: enabled && me !== undefined,
  });
};

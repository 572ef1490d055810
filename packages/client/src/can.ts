// Permission hooks for controls: `useMay` asks whether the signed-in user may call a mutation with an input (the
// server runs that procedure's own authorization), `useCan` one action on a resource, `useExplain` the "Why?".
import { useQueries, useQuery } from "@tanstack/react-query";
import type { Resource } from "./check-batcher.ts";
import { useCheckBatcher, useConsistencyTokens, useGatehouse } from "./client-context.ts";
import { useSession } from "./session.ts";
import type { RouterOutputs } from "./trpc.ts";
import { useTRPC } from "./trpc-react.ts";

export type Explanation = RouterOutputs["authz"]["explain"];

/** A grant as an explanation names it (the domain's ExplainedGrant, as the API serves it). */
export type ExplainedGrant = Explanation["deciding"][number];

export type MayAnswer = RouterOutputs["may"];

/**
 * Whether the signed-in user may call the mutation `procedure` (its path, e.g. "users.removeFromAccount") with
 * `input`: the server runs that procedure's own authorization without its handler, so a button guarded by it asks
 * exactly what pressing it asks. `answer` carries the refusal's reason. Under `may`'s key and the account's id:
 * live updates refresh it whenever decisions may have changed.
 */
export const useMay = (procedure: string, input: unknown) => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const me = useSession().data?.id;
  const query = useQuery({
    queryKey: [...trpc.may.queryKey({ procedure, input }), { as: me }],
    queryFn: () => client.may.query({ procedure, input }),
    enabled: me !== undefined,
  });
  return { allowed: query.data?.allowed, answer: query.data, isLoading: query.isLoading, error: query.error };
};

/**
 * Whether the signed-in user may call `procedure` with at least one of `inputs` (an entry point to a form whose
 * Save will make one of these calls, e.g. one per instance it may pick): `allowed` once any answer allows it,
 * false with the first refusal as `answer` once every one refuses (or there is none), undefined while loading.
 * Each answer is cached as useMay's, so live updates refresh them.
 */
export const useMayAny = (procedure: string, inputs: ReadonlyArray<unknown> | undefined) => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const me = useSession().data?.id;
  return useQueries({
    queries: (inputs ?? []).map((input) => ({
      queryKey: [...trpc.may.queryKey({ procedure, input }), { as: me }],
      queryFn: () => client.may.query({ procedure, input }),
      enabled: me !== undefined,
    })),
    combine: (results): { allowed: boolean | undefined; answer: MayAnswer | undefined } => {
      if (inputs === undefined) return { allowed: undefined, answer: undefined };
      const answers = results.map((result) => result.data);
      if (answers.some((answer) => answer?.allowed === true))
        return { allowed: true, answer: { allowed: true } };
      if (answers.includes(undefined)) return { allowed: undefined, answer: undefined };
      return { allowed: false, answer: answers[0] };
    },
  });
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

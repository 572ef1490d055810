// Permission hooks for controls: `useMay` asks whether the signed-in user may call a mutation with an input (the
// server runs that procedure's own authorization), `useCan` one action on a resource, `useExplain` the "Why?".
import { type Query, useQuery } from "@tanstack/react-query";
import type { Resource } from "./check-batcher.ts";
import { useCheckBatcher, useGatehouse } from "./client-context.ts";
import { useSession } from "./session.ts";
import type { RouterOutputs } from "./trpc.ts";

export type Explanation = RouterOutputs["authz"]["explain"];

/** The engine's answers cached by useCan and useExplain: they change only when the engine's data does. */
export const isPermissionAnswer = (query: Query): boolean =>
  query.queryKey[0] === "can" || query.queryKey[0] === "explain";

export type MayAnswer = RouterOutputs["may"];

/**
 * Whether the signed-in user may call the mutation `procedure` (its path, e.g. "users.removeFromAccount") with
 * `input`: the server runs that procedure's own authorization without its handler, so a button guarded by it asks
 * exactly what pressing it asks. `answer` carries the refusal's reason. Keyed "can": live updates refresh it.
 */
export const useMay = (procedure: string, input: unknown) => {
  const client = useGatehouse();
  const me = useSession().data?.id;
  const query = useQuery({
    queryKey: ["can", me, "may", procedure, input],
    queryFn: () => client.may.query({ procedure, input }),
    enabled: me !== undefined,
  });
  return { allowed: query.data?.allowed, answer: query.data, isLoading: query.isLoading, error: query.error };
};

/** `allowed` is undefined while the answer loads; controls stay disabled until it says yes. */
export const useCan = (action: string, resource: Resource) => {
  const checks = useCheckBatcher();
  const session = useSession();
  const me = session.data?.id;
  const query = useQuery({
    queryKey: ["can", me, action, resource],
    queryFn: () => checks.check(action, resource),
    enabled: me !== undefined,
  });
  return { allowed: query.data, isLoading: query.isLoading, error: query.error };
};

/** The engine's explanation of the signed-in user's decision, fetched once `enabled` (the panel is open). */
export const useExplain = (action: string, resource: Resource, enabled: boolean) => {
  const client = useGatehouse();
  const session = useSession();
  const me = session.data?.id;
  return useQuery({
    queryKey: ["explain", me, action, resource],
    queryFn: () => client.authz.explain.query({ action, resource }),
    enabled: enabled && me !== undefined,
  });
};

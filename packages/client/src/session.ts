// The session hooks: who is signed in (`auth.me`, null when nobody is), sign in and sign out. Signing in or
// out clears every cached answer, so nothing seen as one person is shown to the next.
import {
  hashKey,
  type Query,
  type QueryClient,
  type QueryKey,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useGatehouse } from "./client-context.ts";
import { announceSessionChange } from "./session-channel.ts";
import { noteSessionEnding, sessionEndedKey } from "./session-end.ts";
import { errorCode, type RouterOutputs } from "./trpc.ts";
import { type GatehouseTRPC, useTRPC } from "./trpc-react.ts";

export type Me = RouterOutputs["auth"]["me"];

/** The session query's key: `auth.me`'s (holding null too, for nobody signed in). */
const sessionKey = (trpc: GatehouseTRPC): QueryKey => trpc.auth.me.queryKey();

/** Every cached query but the session's (and whether it ended, which the sign-in page says). */
const allButSession = (trpc: GatehouseTRPC) => {
  const kept = new Set([hashKey(sessionKey(trpc)), hashKey(sessionEndedKey)]);
  return { predicate: (query: Query) => !kept.has(query.queryHash) };
};

/**
 * Drops every cached answer but the session once nobody is signed in: the session query stays (its observers
 * are the app's gate, which now shows sign-in) and nothing seen by the last person is kept.
 */
export const forgetAllButSession = (queryClient: QueryClient, trpc: GatehouseTRPC): void =>
  queryClient.removeQueries(allButSession(trpc));

/**
 * Asks the server who is signed in now, on news that the session may have changed (another tab, the change
 * stream, a call refused as UNAUTHORIZED). Someone else: their cache starts afresh (nobody: LiveUpdates forgets it
 * all). Returns who it is (undefined for nobody; the last known person when the server could not be asked).
 */
export const recheckSession = async (
  queryClient: QueryClient,
  trpc: GatehouseTRPC,
): Promise<string | undefined> => {
  const key = sessionKey(trpc);
  const before = queryClient.getQueryData<Me | null>(key)?.id;
  await queryClient.refetchQueries({ queryKey: key, exact: true });
  const now = queryClient.getQueryData<Me | null>(key)?.id;
  if (now !== undefined && now !== before) void queryClient.resetQueries(allButSession(trpc));
  return now;
};

/** The signed-in account, `null` when nobody is signed in (`undefined` while loading). */
export const useSession = () => {
  const client = useGatehouse();
  const trpc = useTRPC();
  return useQuery({
    queryKey: sessionKey(trpc),
    queryFn: async (): Promise<Me | null> => {
      try {
        return await client.auth.me.query();
      } catch (error) {
        if (errorCode(error) === "UNAUTHORIZED") return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
};

/**
 * Signs in with email and password; on success the session (and every query) is fetched again, here and in the
 * app's other tabs.
 */
export const useSignIn = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: () => {
        announceSessionChange();
        noteSessionEnding(queryClient, "none");
        return queryClient.resetQueries();
      },
    }),
  );
};

/** Signs out and forgets every cached answer; the app's other tabs show sign-in too (saying the session ended). */
export const useSignOut = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        noteSessionEnding(queryClient, "signed-out");
        queryClient.setQueryData(sessionKey(trpc), null);
        forgetAllButSession(queryClient, trpc);
        announceSessionChange();
      },
    }),
  );
};

/** The signed-in account's organization; undefined while loading, signed out, or for the platform operator. */
export const useSignedInOrg = (): string | undefined => {
  const me = useSession().data;
  return me !== null && me !== undefined && "org" in me ? me.org : undefined;
};

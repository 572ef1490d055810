// The session hooks: who is signed in (`auth.me`, null when nobody is), sign in and sign out. Signing in or
// out clears every cached answer, so nothing seen as one person is shown to the next.
import { type Query, type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useGatehouse } from "./client-context.ts";
import { announceSessionChange } from "./session-channel.ts";
import { errorCode, type RouterOutputs } from "./trpc.ts";

export type Me = RouterOutputs["auth"]["me"];
export const sessionKey = ["auth.me"] as const;

/** Every cached query but the session's. */
export const isNotSession = (query: Query): boolean => query.queryKey[0] !== sessionKey[0];

/**
 * Drops every cached answer but the session once nobody is signed in: the session query stays (its observers
 * are the app's gate, which now shows sign-in) and nothing seen by the last person is kept.
 */
export const forgetAllButSession = (queryClient: QueryClient): void =>
  queryClient.removeQueries({ predicate: isNotSession });

/**
 * Asks the server who is signed in now, on news that the session may have changed (another tab, the change
 * stream). Someone else: their cache starts afresh (nobody: LiveUpdates forgets it all). Returns who it is
 * (undefined for nobody; the last known person when the server could not be asked).
 */
export const recheckSession = async (queryClient: QueryClient): Promise<string | undefined> => {
  const before = queryClient.getQueryData<Me | null>(sessionKey)?.id;
  await queryClient.refetchQueries({ queryKey: sessionKey, exact: true });
  const now = queryClient.getQueryData<Me | null>(sessionKey)?.id;
  if (now !== undefined && now !== before) void queryClient.resetQueries({ predicate: isNotSession });
  return now;
};

/** The signed-in account, `null` when nobody is signed in (`undefined` while loading). */
export const useSession = () => {
  const client = useGatehouse();
  return useQuery({
    queryKey: sessionKey,
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
  const client = useGatehouse();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { readonly email: string; readonly password: string }) =>
      client.auth.login.mutate(input),
    onSuccess: () => {
      announceSessionChange();
      return queryClient.resetQueries();
    },
  });
};

/** Signs out and forgets every cached answer; the app's other tabs show sign-in too. */
export const useSignOut = () => {
  const client = useGatehouse();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.auth.logout.mutate(),
    onSuccess: () => {
      queryClient.setQueryData(sessionKey, null);
      forgetAllButSession(queryClient);
      announceSessionChange();
    },
  });
};

/** The signed-in account's organization; undefined while loading, signed out, or for the platform operator. */
export const useSignedInOrg = (): string | undefined => {
  const me = useSession().data;
  return me !== null && me !== undefined && "org" in me ? me.org : undefined;
};

// The session hooks: who is signed in (`auth.me`, null when nobody is), sign in and sign out. Signing in or
// out clears every cached answer, so nothing seen as one person is shown to the next.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useGatehouse } from "./client-context.ts";
import { errorCode, type RouterOutputs } from "./trpc.ts";

export type Me = RouterOutputs["auth"]["me"];
export const sessionKey = ["auth.me"] as const;

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

/** Signs in with email and password; on success the session (and every query) is fetched again. */
export const useSignIn = () => {
  const client = useGatehouse();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { readonly email: string; readonly password: string }) =>
      client.auth.login.mutate(input),
    onSuccess: () => queryClient.resetQueries(),
  });
};

/** Signs out and forgets every cached answer. */
export const useSignOut = () => {
  const client = useGatehouse();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.auth.logout.mutate(),
    onSuccess: () => {
      // The session query stays (its observers are the app's gate) and now says nobody; all else goes.
      queryClient.setQueryData(sessionKey, null);
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionKey[0] });
    },
  });
};

/** The signed-in account's organization; undefined while loading, signed out, or for the platform operator. */
export const useSignedInOrg = (): string | undefined => {
  const me = useSession().data;
  return me !== null && me !== undefined && "org" in me ? me.org : undefined;
};

// A session that ends under an open page (the account removed or deactivated, signed out in another tab, expired):
// any call refused as UNAUTHORIZED asks the server who is signed in, and the sign-in page then says the session ended.
import { hashKey, type QueryClient, type QueryKey, useQuery } from "@tanstack/react-query";
import { errorCode } from "./trpc.ts";

/** The cached flag the sign-in page reads: true once a known session was found ended (not signed out here). */
export const sessionEndedKey: QueryKey = ["gatehouse", "session-ended"];

/** Marks that the signed-in person's session ended without their signing out in this tab. */
export const markSessionEnded = (queryClient: QueryClient): void => {
  queryClient.setQueryData(sessionEndedKey, true);
};

/** Whether the sign-in page should say the last session ended (false after a sign-out here, or a new sign-in). */
export const useSessionEnded = (): boolean =>
  useQuery({ queryKey: sessionEndedKey, queryFn: () => false, staleTime: Number.POSITIVE_INFINITY }).data ===
  true;

/**
 * Calls `recheck` (at most one at a time) whenever a query or mutation other than the session's own is refused as
 * UNAUTHORIZED: the session may have ended. Returns what stops watching.
 */
export const watchUnauthorized = (
  queryClient: QueryClient,
  sessionKey: QueryKey,
  recheck: () => Promise<unknown>,
): (() => void) => {
  const session = hashKey(sessionKey);
  let pending: Promise<unknown> | undefined;
  const refused = (error: unknown) => {
    if (errorCode(error) !== "UNAUTHORIZED" || pending !== undefined) return;
    pending = recheck().finally(() => {
      pending = undefined;
    });
  };
  const queries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === "updated" && event.action.type === "error" && event.query.queryHash !== session)
      refused(event.action.error);
  });
  const mutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type === "updated" && event.action.type === "error") refused(event.action.error);
  });
  return () => {
    queries();
    mutations();
  };
};

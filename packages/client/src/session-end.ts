// A session that ends under an open page (the account removed or deactivated, signed out in another tab, expired):
// any call refused as UNAUTHORIZED asks the server who is signed in, and the sign-in page then says the session ended.
import { hashKey, type QueryClient, type QueryKey, useQuery } from "@tanstack/react-query";
import { errorCode } from "./trpc.ts";

/** How the last session ended, cached for the sign-in page: "ended" under an open page, or "signed-out" here. */
export const sessionEndedKey: QueryKey = ["gatehouse", "session-ended"];

type Ending = "ended" | "signed-out" | "none";

/** Notes how the signed-in person's session is ending: signed out in this tab, or a new sign-in ("none"). */
export const noteSessionEnding = (queryClient: QueryClient, ending: Exclude<Ending, "ended">): void => {
  queryClient.setQueryData<Ending>(sessionEndedKey, ending);
};

/** A known session turned to nobody: it ended, unless it was signed out in this tab. */
export const markSessionEnded = (queryClient: QueryClient): void => {
  if (queryClient.getQueryData<Ending>(sessionEndedKey) !== "signed-out")
    queryClient.setQueryData<Ending>(sessionEndedKey, "ended");
};

/** Whether the sign-in page should say the last session ended (not after a sign-out here, nor a new sign-in). */
export const useSessionEnded = (): boolean =>
  useQuery<Ending>({
    queryKey: sessionEndedKey,
    queryFn: () => "none",
    staleTime: Number.POSITIVE_INFINITY,
  }).data === "ended";

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

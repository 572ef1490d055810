// A role's lapse is no write, so no event tells of it: auth.me says how long until the next one in the person's
// organization, and every cached read is asked again just after it (the engine answers by its clock).
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { allReads } from "./invalidation.ts";
import { invalidateRouters } from "./refresh.ts";
import { useSession } from "./session.ts";
import { useTRPC } from "./trpc-react.ts";

/** Read again this long after the lapse the server named, so that its clock has passed it too. */
const afterLapseMs = 500;
/** setTimeout's longest delay; a later lapse is looked up again then (the session read names it anew). */
const longestTimerMs = 2 ** 31 - 1;

/** When, on this page's clock, to read again for a lapse `inMs` after the answer received at `receivedAt`. */
export const lapseRefreshDelay = (inMs: number, receivedAt: number, now: number): number =>
  Math.min(longestTimerMs, Math.max(0, receivedAt + inMs - now) + afterLapseMs);

/** While someone is signed in: every read (the session's sections included) is invalidated just after each lapse. */
export const useLapseRefresh = (): void => {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const { data, dataUpdatedAt } = useSession();
  const inMs = data?.kind === "user" ? data.nextLapseInMs : null;
  useEffect(() => {
    if (inMs === null) return;
    const timer = setTimeout(
      () => void invalidateRouters(queryClient, trpc, allReads),
      lapseRefreshDelay(inMs, dataUpdatedAt, Date.now()),
    );
    return () => clearTimeout(timer);
  }, [queryClient, trpc, inMs, dataUpdatedAt]);
};

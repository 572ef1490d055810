// Live updates: while someone is signed in, one stream of their organization's committed changes and its roles'
// lapses keep the cached queries current (live-stream.ts, lapse-refresh.ts); a sign-in or sign-out in another tab,
// or a session ended elsewhere (a call refused as UNAUTHORIZED), is followed at once (the sign-in page, or the new
// person's app).
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useConsistencyTokens } from "./client-context.ts";
import { useLapseRefresh } from "./lapse-refresh.ts";
import { openLiveStream } from "./live-stream.ts";
import { forgetAllButSession, recheckSession, useSession } from "./session.ts";
import { onSessionChangeElsewhere } from "./session-channel.ts";
import { markSessionEnded, watchUnauthorized } from "./session-end.ts";
import { useTRPC } from "./trpc-react.ts";

/** Renders nothing; opens the stream for the signed-in person and closes it when they change or leave. */
export const LiveUpdates = ({ origin }: { origin: string }): null => {
  const queryClient = useQueryClient();
  const trpc = useTRPC();
  const tokens = useConsistencyTokens();
  const session = useSession().data;
  const userId = session?.id;
  useLapseRefresh();
  useEffect(
    () => onSessionChangeElsewhere(() => void recheckSession(queryClient, trpc)),
    [queryClient, trpc],
  );
  useEffect(
    () => watchUnauthorized(queryClient, trpc.auth.me.queryKey(), () => recheckSession(queryClient, trpc)),
    [queryClient, trpc],
  );
  // However a session ended (here, in another tab, on the server), nothing its person saw is kept.
  const lastUserId = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (session === null && lastUserId.current !== undefined) {
      forgetAllButSession(queryClient, trpc);
      // The sign-in page says so, unless the person signed out in this tab.
      markSessionEnded(queryClient);
    }
    if (session !== undefined) lastUserId.current = session?.id;
  }, [queryClient, trpc, session]);
  useEffect(() => {
    if (userId === undefined) return;
    return openLiveStream({ origin, userId, queryClient, trpc, tokens });
  }, [origin, queryClient, trpc, tokens, userId]);
  return null;
};

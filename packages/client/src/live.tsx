// Live updates: while signed in, one EventSource on /events; every committed change of the organization
// invalidates cached queries (they refetch if shown), and a signed-out event refreshes the session.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { sessionKey, useSession } from "./session.ts";

/** Renders nothing; keeps the cache in step with the server's change stream. */
export const LiveUpdates = ({ origin }: { origin: string }): null => {
  const queryClient = useQueryClient();
  const session = useSession();
  const signedIn = session.data !== null && session.data !== undefined;
  useEffect(() => {
    if (!signedIn) return;
    const source = new EventSource(`${origin}/events`, { withCredentials: true });
    source.onmessage = () => {
      void queryClient.invalidateQueries();
    };
    source.addEventListener("signed-out", () => {
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    });
    return () => source.close();
  }, [origin, queryClient, signedIn]);
  return null;
};

// The connection behind live updates: one EventSource on /events for the signed-in person, turning committed
// changes into cache invalidations (a burst costs one refetch) and a lost session into the sign-in page.
import type { QueryClient } from "@tanstack/react-query";
import { isPermissionAnswer } from "./can.ts";
import { recheckSession } from "./session.ts";

/** Changes arriving within this window are answered with one invalidation. */
const coalesceMs = 100;
/** Reconnecting after a refused stream waits 1 s, 2 s, 4 s … up to this. */
const maxRetryMs = 30_000;

export interface LiveStreamOptions {
  readonly origin: string;
  /** Who the stream is opened for: a different session afterwards means a different person. */
  readonly userId: string;
  readonly queryClient: QueryClient;
}

/**
 * Whether an event's changes may alter the engine's decisions. Every change type is one the engine applies,
 * so only an event without changes (a rename, an invitation, a session) leaves the permission answers alone.
 */
const changesDecisions = (data: string): boolean => {
  try {
    const parsed: unknown = JSON.parse(data);
    const changes =
      typeof parsed === "object" && parsed !== null && "changes" in parsed ? parsed.changes : undefined;
    return !Array.isArray(changes) || changes.length > 0;
  } catch {
    return true;
  }
};

/** Opens the stream; returns what closes it for good (sign-out, another person, unmount). */
export const openLiveStream = ({ origin, userId, queryClient }: LiveStreamOptions): (() => void) => {
  let source: EventSource | undefined;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let invalidation: ReturnType<typeof setTimeout> | undefined;
  let decisionsChanged = false;

  /** Invalidates soon: everything when decisions may have changed, else all but the permission answers. */
  const invalidateSoon = (decisions: boolean): void => {
    decisionsChanged ||= decisions;
    if (invalidation !== undefined) return;
    invalidation = setTimeout(() => {
      invalidation = undefined;
      const all = decisionsChanged;
      decisionsChanged = false;
      void queryClient.invalidateQueries(
        all ? undefined : { predicate: (query) => !isPermissionAnswer(query) },
      );
    }, coalesceMs);
  };

  /** After news that the session may have ended: whether the stream should go on for the same person. */
  const sessionStillOurs = async (): Promise<boolean> =>
    (await recheckSession(queryClient)) === userId && !stopped;

  const connect = (): void => {
    const stream = new EventSource(`${origin}/events`, { withCredentials: true });
    source = stream;
    // Set when the browser is reconnecting by itself (a dropped connection): changes may have been missed.
    let dropped = false;
    stream.onopen = () => {
      if (dropped || failures > 0) invalidateSoon(true);
      dropped = false;
      failures = 0;
    };
    stream.onmessage = (event: MessageEvent<string>) => invalidateSoon(changesDecisions(event.data));
    // The server re-checked the credentials on a heartbeat and they no longer name this person.
    stream.addEventListener("signed-out", () => {
      stream.close();
      void sessionStillOurs().then((ours) => {
        if (ours) reconnect(0);
      });
    });
    stream.onerror = () => {
      if (stream.readyState !== EventSource.CLOSED) {
        dropped = true;
        return;
      }
      // Refused (401, or not a stream at all): the browser gives up, so ask the session and try again later.
      failures += 1;
      void sessionStillOurs().then((ours) => {
        if (ours) reconnect(Math.min(maxRetryMs, 1000 * 2 ** (failures - 1)));
      });
    };
  };

  const reconnect = (delayMs: number): void => {
    if (stopped) return;
    failures = Math.max(failures, 1);
    retryTimer = setTimeout(connect, delayMs);
  };

  connect();
  return () => {
    stopped = true;
    clearTimeout(retryTimer);
    clearTimeout(invalidation);
    source?.close();
  };
};

// The connection behind live updates: one EventSource on /events for the signed-in person, turning committed
// changes into invalidations by router key (invalidation.ts) and tokens, and a lost session into the sign-in page.
import type { QueryClient } from "@tanstack/react-query";
import type { TokenKeeper } from "./consistency-token.ts";
import { allReads, type RouterName, routersAffectedBy } from "./invalidation.ts";
import { invalidateRouters } from "./refresh.ts";
import { recheckSession } from "./session.ts";
import type { GatehouseTRPC } from "./trpc-react.ts";

/** Changes arriving within this window are answered with one invalidation. */
const coalesceMs = 100;
/** Reconnecting after a refused stream waits 1 s, 2 s, 4 s … up to this. */
const maxRetryMs = 30_000;

export interface LiveStreamOptions {
  readonly origin: string;
  /** Who the stream is opened for: a different session afterwards means a different person. */
  readonly userId: string;
  readonly queryClient: QueryClient;
  readonly trpc: GatehouseTRPC;
  /** Each event's id (its change's audit id) is a consistency token: the refreshed answers are asked at least it. */
  readonly tokens: TokenKeeper;
}

/** Opens the stream; returns what closes it for good (sign-out, another person, unmount). */
export const openLiveStream = ({
  origin,
  userId,
  queryClient,
  trpc,
  tokens,
}: LiveStreamOptions): (() => void) => {
  let source: EventSource | undefined;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let invalidation: ReturnType<typeof setTimeout> | undefined;
  let pending = new Set<RouterName>();

  /** Invalidates soon, by router path key, the reads of every router the changes so far may have altered. */
  const invalidateSoon = (routers: ReadonlySet<RouterName>): void => {
    for (const router of routers) pending.add(router);
    if (invalidation !== undefined) return;
    invalidation = setTimeout(() => {
      invalidation = undefined;
      const due = pending;
      pending = new Set();
      void invalidateRouters(queryClient, trpc, due);
    }, coalesceMs);
  };

  /** After news that the session may have ended: whether the stream should go on for the same person. */
  const sessionStillOurs = async (): Promise<boolean> =>
    (await recheckSession(queryClient, trpc)) === userId && !stopped;

  const connect = (): void => {
    const stream = new EventSource(`${origin}/events`, { withCredentials: true });
    source = stream;
    // Set when the browser is reconnecting by itself (a dropped connection): changes may have been missed.
    let dropped = false;
    stream.onopen = () => {
      if (dropped || failures > 0) invalidateSoon(allReads);
      dropped = false;
      failures = 0;
    };
    stream.onmessage = (event: MessageEvent<string>) => {
      tokens.saw(event.lastEventId);
      invalidateSoon(routersAffectedBy(event.data));
    };
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

// How many /events streams may be open at once in this process: per actor (a person's tabs, an API key's
// clients) and in all, so that nobody exhausts the server's memory or sockets by opening streams.

export interface StreamLimits {
  /** Streams one actor (user, API key, operator) may hold open at once. */
  readonly perActor: number;
  /** Streams the process holds open at once. */
  readonly total: number;
}

/** 20 per actor covers every tab of the three apps a person plausibly keeps open; 2,000 in all. */
export const defaultStreamLimits: StreamLimits = { perActor: 20, total: 2_000 };

/** A place taken (give it back once, when the stream ends), or which limit refused one. */
export type Taken = { readonly release: () => void } | { readonly refused: "actor" | "total" };

/** Counts the open streams; `take(actor)` for each stream opened. */
export const streamQuota = (limits: StreamLimits) => {
  const open = new Map<string, number>();
  let total = 0;
  const take = (actor: string): Taken => {
    const held = open.get(actor) ?? 0;
    if (held >= limits.perActor) return { refused: "actor" };
    if (total >= limits.total) return { refused: "total" };
    open.set(actor, held + 1);
    total += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      total -= 1;
      const left = (open.get(actor) ?? 1) - 1;
      if (left === 0) open.delete(actor);
      else open.set(actor, left);
    };
    return { release };
  };
  return { take };
};

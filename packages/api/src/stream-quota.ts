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

/**
 * The limits the environment sets: GATEHOUSE_EVENTS_MAX_STREAMS (in all) and GATEHOUSE_EVENTS_MAX_PER_ACTOR, each
 * a whole number from 1 to 1,000,000, the default where unset. Throws naming the setting that is wrong.
 */
export const streamLimitsFromEnv = (env: Readonly<Record<string, string | undefined>>): StreamLimits => {
  const read = (name: string, fallback: number): number => {
    const given = env[name]?.trim() ?? "";
    if (given === "") return fallback;
    const n = Number(given);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
      throw new Error(`${name} must be a whole number from 1 to 1000000, not "${given}"`);
    return n;
  };
  return {
    perActor: read("GATEHOUSE_EVENTS_MAX_PER_ACTOR", defaultStreamLimits.perActor),
    total: read("GATEHOUSE_EVENTS_MAX_STREAMS", defaultStreamLimits.total),
  };
};

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

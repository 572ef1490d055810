// How long a decision point waits before reconnecting: doubling from `initialMs` to `maxMs`, with jitter so that
// many backends reconnecting after a server restart do not arrive at once.

export interface Backoff {
  /** The first wait, in ms (default 100). */
  readonly initialMs?: number;
  /** The longest wait, in ms (default 5,000). */
  readonly maxMs?: number;
}

/** The wait before attempt `attempt` (0 for the first retry): between half and all of the doubled delay. */
export const backoffDelay = (attempt: number, backoff: Backoff = {}): number => {
  const initial = backoff.initialMs ?? 100;
  const max = backoff.maxMs ?? 5_000;
  const full = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return full / 2 + Math.random() * (full / 2);
};

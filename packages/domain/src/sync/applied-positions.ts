// Which audit positions (audit row ids, the consistency tokens) an engine has applied, and who waits for one (the
// server's EngineSync and the SDK): commit order is not id order and rolled-back writes leave gaps, so it remembers ids.

/** What a waiter for a position is told: the position was reached, or the wait list was full (`crowded`). */
export type Registered = { readonly cancel: () => void } | "crowded";

/**
 * The applied positions: the latest `remembered` ids applied (from notices, and the newest committed ones read
 * with each load), and a floor below which every position counts as applied. The floor is the oldest id a load
 * remembered (older ones were committed long before it) and rises past every id forgotten to make room, so a
 * token once answered is never waited for again. A position not remembered and at or above the floor waits
 * for its notice (or for a reload).
 */
export class AppliedPositions {
  private readonly applied = new Set<string>();
  /** Audit ids start at 1, so position 0 (before any change) is reached from the start. */
  private floor = 1n;
  /** Waiters by position; each removes itself when answered or cancelled. */
  private readonly waiters = new Map<string, Set<() => void>>();
  /** How many waiters came with a caller's token (the capped ones). */
  private capped = 0;
  /** No waiter waits below this position (a bound: a cancelled waiter may have been the lowest). */
  private lowestWaiting: bigint | undefined;

  constructor(
    private readonly remembered: number,
    /** At most this many capped waiters at once: a flood of forged tokens allocates no more. */
    private readonly maxWaiters: number,
  ) {}

  /** Whether the change at `position` (a decimal audit id without leading zeros) was applied here. */
  reached(position: string): boolean {
    return this.applied.has(position) || BigInt(position) < this.floor;
  }

  /** The change at `position` was applied: its waiters are answered. */
  mark(position: string): void {
    this.remember(position);
    this.answer(position);
    this.answerBelowFloor();
  }

  /**
   * A load read the newest committed ids (`newest`, ascending), all of them when `complete`: they are applied,
   * and, when older ones exist, every id below the oldest counts as applied too.
   */
  loaded(newest: ReadonlyArray<string>, complete: boolean): void {
    for (const position of newest) this.remember(position);
    const oldest = newest[0];
    if (!complete && oldest !== undefined) this.raiseFloor(BigInt(oldest));
    for (const position of newest) this.answer(position);
    this.answerBelowFloor();
  }

  /**
   * Calls `wake` once `position` is reached (not now: ask `reached` first); `capped` waiters count against the
   * limit. Answers how to cancel the wait, or `crowded` when the capped limit is reached.
   */
  wait(position: string, wake: () => void, capped: boolean): Registered {
    if (capped && this.capped >= this.maxWaiters) return "crowded";
    if (capped) this.capped++;
    const at = BigInt(position);
    if (this.lowestWaiting === undefined || at < this.lowestWaiting) this.lowestWaiting = at;
    const set = this.waiters.get(position) ?? new Set();
    let done = false;
    const cancel = () => {
      if (done) return;
      done = true;
      if (capped) this.capped--;
      set.delete(answer);
      if (set.size === 0 && this.waiters.get(position) === set) this.waiters.delete(position);
    };
    const answer = () => {
      cancel();
      wake();
    };
    set.add(answer);
    this.waiters.set(position, set);
    return { cancel };
  }

  /** A function answering every waiter present now, when called (a reload, once it read every change committed before). */
  present(): () => void {
    const answers = [...this.waiters.values()].flatMap((set) => [...set]);
    return () => {
      for (const answer of answers) answer();
    };
  }

  private remember(position: string): void {
    if (this.applied.has(position)) return;
    this.applied.add(position);
    if (this.applied.size <= this.remembered) return;
    const oldest = this.applied.values().next();
    if (oldest.done === true) return;
    this.applied.delete(oldest.value);
    this.raiseFloor(BigInt(oldest.value) + 1n);
  }

  private raiseFloor(to: bigint): void {
    if (to > this.floor) this.floor = to;
  }

  private answer(position: string): void {
    const set = this.waiters.get(position);
    if (set !== undefined) for (const answer of [...set]) answer();
  }

  /** Answers the waiters the floor passed; only when it passed the lowest one, so a notice costs no scan. */
  private answerBelowFloor(): void {
    if (this.lowestWaiting === undefined || this.lowestWaiting >= this.floor) return;
    let lowest: bigint | undefined;
    for (const [position, set] of [...this.waiters]) {
      const at = BigInt(position);
      if (at < this.floor) for (const answer of [...set]) answer();
      else if (lowest === undefined || at < lowest) lowest = at;
    }
    this.lowestWaiting = lowest;
  }
}

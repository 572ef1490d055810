// Which audit positions a decision point has applied: everything up to its snapshot's position, and each notice
// heard on the change stream since. Answers `atLeast` tokens and wakes those waiting for one.

/** How many heard positions are remembered; older ones (below the oldest kept) count as applied. */
const remembered = 10_000;

export class AppliedPositions {
  private base = 0n;
  private readonly heard = new Set<bigint>();
  private evicted = false;
  private oldestKept = 0n;
  private highest = 0n;
  private readonly waiters = new Set<{ readonly token: bigint; readonly wake: () => void }>();

  /** A snapshot consistent with `position` was loaded (positions heard since stay applied). */
  loaded(position: string): void {
    this.base = BigInt(position);
    if (this.base > this.highest) this.highest = this.base;
    for (const p of this.heard) if (p <= this.base) this.heard.delete(p);
    this.wakeReached();
  }

  /** The changes of audit row `position` were applied (or it had none for this organization). */
  applied(position: string): void {
    const p = BigInt(position);
    if (p > this.highest) this.highest = p;
    if (p <= this.base) return;
    this.heard.add(p);
    if (this.heard.size > remembered) {
      const oldest = this.heard.values().next();
      if (oldest.done !== true) {
        this.heard.delete(oldest.value);
        this.evicted = true;
        this.oldestKept = oldest.value;
      }
    }
    this.wakeReached();
  }

  /** Has position `token` been applied? */
  covers(token: string): boolean {
    const t = BigInt(token);
    return t <= this.base || this.heard.has(t) || (this.evicted && t <= this.oldestKept);
  }

  /** The highest position applied (the snapshot's or a notice's since). */
  get position(): string {
    return this.highest.toString();
  }

  /** Resolves true once `token` is applied, false after `timeoutMs`. */
  waitFor(token: string, timeoutMs: number): Promise<boolean> {
    if (this.covers(token)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        token: BigInt(token),
        wake: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private wakeReached(): void {
    for (const waiter of this.waiters) if (this.covers(waiter.token.toString())) waiter.wake();
  }
}

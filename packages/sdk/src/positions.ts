// The decision point's applied positions: domain's AppliedPositions (the server's own rule for consistency tokens)
// fed from the snapshot's newest ids and each notice, plus the highest position seen and a bounded wait.
import { AppliedPositions } from "@gatehouse/domain";

/** As the server: the 10,000 newest ids applied are remembered; below them every id counts as applied. */
const remembered = 10_000;

export class Positions {
  private readonly applied = new AppliedPositions(remembered, Number.MAX_SAFE_INTEGER);
  private highest = 0n;

  /** A snapshot was loaded: the newest ids committed in it (all of them when `complete`). */
  loaded(newest: ReadonlyArray<string>, complete: boolean): void {
    for (const id of newest) this.raise(id);
    this.applied.loaded(newest, complete);
  }

  /** The changes of audit row `position` were applied (or it had none for this organization). */
  mark(position: string): void {
    this.raise(position);
    this.applied.mark(position);
  }

  /** Has position `token` been applied? */
  covers(token: string): boolean {
    return this.applied.reached(token);
  }

  /** The highest position applied. */
  get position(): string {
    return this.highest.toString();
  }

  /** Answers every wait present now, when called: a reload that began now holds every token a caller has. */
  present(): () => void {
    return this.applied.present();
  }

  /** Resolves true once `token` is applied, false after `timeoutMs`. */
  waitFor(token: string, timeoutMs: number): Promise<boolean> {
    if (this.covers(token)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const registered = this.applied.wait(
        token,
        () => {
          clearTimeout(timer);
          resolve(true);
        },
        false,
      );
      const timer = setTimeout(() => {
        if (registered !== "crowded") registered.cancel();
        resolve(false);
      }, timeoutMs);
    });
  }

  private raise(position: string): void {
    const p = BigInt(position);
    if (p > this.highest) this.highest = p;
  }
}

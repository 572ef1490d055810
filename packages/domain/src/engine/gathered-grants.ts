// The grants that count for one decision's subject, gathered from the CheckIndex into a scratch buffer:
// the subject's own summaries, then each group's, and the prefix hashes of the decision's path (hashed on first use).
import { type CheckIndex, HOLDS_SINGLES, IN_GROUPS } from "./check-index.ts";
import type { Subject } from "./grant-entry.ts";
import { SUMMARY_INTS, summaryDepth } from "./grant-summary.ts";
import { hashPrefixes } from "./path-hash.ts";
import { PATH_LENGTH, type Path } from "./resource-path.ts";

export class GatheredGrants {
  /** The summaries, SUMMARY_INTS ints each (read them through grant-summary.ts). */
  data = new Int32Array(SUMMARY_INTS * 64);
  /** Number of ints in use. */
  end = 0;
  /** Prefix hashes of the decision's resource path, by depth, once `prefixHash` has computed them. */
  private readonly hashes = new Int32Array(PATH_LENGTH);
  private path: Path = [];
  private hashed = false;
  /** Some gathered grant is a single permission (Feature checks skip that scan otherwise). */
  singles = false;

  /** Gathers the summaries of the subject in `slot`, then those of its groups, for a decision about `path`. */
  gather(index: CheckIndex, slot: number, path: Path): void {
    const flags = index.flags(slot);
    this.singles = (flags & HOLDS_SINGLES) !== 0;
    this.reserve(index.grantCount(slot));
    this.end = index.copyGrants(slot, this.data, 0);
    if ((flags & IN_GROUPS) !== 0)
      for (const group of (index.owners[slot] as Subject).groups) {
        this.singles ||= (index.flags(group.slot) & HOLDS_SINGLES) !== 0;
        this.reserve(this.end / SUMMARY_INTS + index.grantCount(group.slot));
        this.end = index.copyGrants(group.slot, this.data, this.end);
      }
    this.path = path;
    this.hashed = false;
  }

  /**
   * The hash of the path's first d + 1 segments (see `hashPrefixes`), d being a gathered grant's depth. The path is
   * hashed on the first call, so a decision in which no grant's role holds the action reads no segment's characters.
   */
  prefixHash(d: number): number {
    if (!this.hashed) {
      hashPrefixes(this.path, this.hashes, this.maxDepth());
      this.hashed = true;
    }
    return this.hashes[d] as number;
  }

  /** The deepest scope among the gathered grants: prefixes below it need no hash. */
  private maxDepth(): number {
    let max = 0;
    for (let b = 0; b < this.end; b += SUMMARY_INTS) {
      const d = summaryDepth(this.data, b);
      if (d > max) max = d;
    }
    return max;
  }

  private reserve(grants: number): void {
    if (grants * SUMMARY_INTS <= this.data.length) return;
    const bigger = new Int32Array(grants * SUMMARY_INTS * 2);
    bigger.set(this.data.subarray(0, this.end));
    this.data = bigger;
  }
}

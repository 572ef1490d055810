// The grants that count for one decision's subject, read in place from its CheckIndex slot or gathered into a scratch
// buffer (its own summaries, then each group's), and the filter hashes of the decision's path (each on first use).
import type { CheckIndex } from "./check-index.ts";
import type { Subject } from "./grant-entry.ts";
import { SUMMARY_INTS } from "./grant-summary.ts";
import { NO_PARENT, parentDepth, segmentHash } from "./path-hash.ts";
import { PATH_LENGTH, type Path } from "./resource-path.ts";

export class GatheredGrants {
  private scratch = new Int32Array(SUMMARY_INTS * 64);
  /**
   * The summaries, SUMMARY_INTS ints each from `first` to `end` (read them through grant-summary.ts): the index's own
   * table when the subject's slot holds them all and it is in no group (nothing is copied), else the scratch buffer.
   */
  data: Int32Array = this.scratch;
  /** Offset of the first summary in `data`. */
  first = 0;
  /** Offset past the last summary in `data`. */
  end = 0;
  /** Filter hashes of the decision's resource path by depth, those whose bit is set in `known` (see `pathHash`). */
  private readonly hashes = new Int32Array(PATH_LENGTH);
  private known = 0;
  private path: Path = [];
  /** Some gathered grant is a single permission (Feature checks skip that scan otherwise). */
  singles = false;

  /** Gathers the summaries of the subject in `slot`, then those of its groups, for a decision about `path`. */
  gather(index: CheckIndex, slot: number, path: Path): void {
    this.singles = index.holdsSingles(slot);
    this.path = path;
    this.known = 0;
    const inSlot = index.inGroups(slot) ? -1 : index.inlineSummaries(slot);
    if (inSlot >= 0) {
      this.data = index.slots;
      this.first = inSlot;
      this.end = inSlot + index.grantCount(slot) * SUMMARY_INTS;
      return;
    }
    this.copy(index, slot);
  }

  /** Copies the subject's summaries, then its groups', into the scratch buffer (apart, so `gather` stays small). */
  private copy(index: CheckIndex, slot: number): void {
    this.first = 0;
    this.end = 0;
    this.reserve(index.grantCount(slot));
    this.end = index.copyGrants(slot, this.scratch, 0);
    if (index.inGroups(slot))
      for (const group of (index.owners[slot] as Subject).groups) {
        this.singles ||= index.holdsSingles(group.slot);
        this.reserve(this.end / SUMMARY_INTS + index.grantCount(group.slot));
        this.end = index.copyGrants(group.slot, this.scratch, this.end);
      }
    this.data = this.scratch;
  }

  /**
   * The filter hash of the path at depth d (see `filterHash`), d being a gathered grant's depth. Each depth is hashed on
   * first use, so a decision in which no grant's role holds the action reads no segment's characters, and one whose
   * grants sit at a project reads only the project's.
   */
  pathHash(d: number): number {
    if ((this.known & (1 << d)) === 0) {
      const p = parentDepth(d);
      this.hashes[d] = segmentHash(this.path, d, p < 0 ? NO_PARENT : this.pathHash(p));
      this.known |= 1 << d;
    }
    return this.hashes[d] as number;
  }

  /** Room in the scratch buffer for `grants` summaries, keeping those copied so far. */
  private reserve(grants: number): void {
    if (grants * SUMMARY_INTS <= this.scratch.length) return;
    const bigger = new Int32Array(grants * SUMMARY_INTS * 2);
    bigger.set(this.scratch.subarray(0, this.end));
    this.scratch = bigger;
  }
}

// The grants that count for one decision's subject, gathered from the CheckIndex into a scratch buffer:
// the subject's own summaries, then each group's. Decision code reads only this view.
import type { CheckIndex } from "./check-index.ts";
import {
  DEPTH_SHIFT,
  F_CROSS,
  F_EXPIRES,
  GRANT_INTS,
  R_GROUPS,
  R_SINGLES,
  ROLE_MASK,
} from "./check-index.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import { hashPrefixes } from "./path-hash.ts";
import type { Path } from "./resource-path.ts";
import type { RoleEntry } from "./role-entry.ts";
import type { Snapshot } from "./snapshot.ts";

export class GrantView {
  data = new Int32Array(GRANT_INTS * 64);
  /** Number of ints in use (GRANT_INTS per grant). */
  end = 0;
  /** Prefix hashes of the decision's resource path. */
  readonly hashes = new Int32Array(6);
  /** Some gathered grant is a single permission (Feature checks skip that scan otherwise). */
  singles = false;

  /** The deepest scope among the gathered grants: prefixes below it need no hash. */
  get maxDepth(): number {
    let max = 0;
    for (let b = 0; b < this.end; b += GRANT_INTS) {
      const d = ((this.data[b] as number) >>> DEPTH_SHIFT) & 7;
      if (d > max) max = d;
    }
    return max;
  }

  /** Gathers the summaries of the subject in `slot`, then those of its groups. */
  gather(index: CheckIndex, slot: number): void {
    const flags = index.flags(slot);
    this.singles = (flags & R_SINGLES) !== 0;
    this.reserve(index.grantCount(slot));
    this.end = index.copyGrants(slot, this.data, 0);
    if ((flags & R_GROUPS) === 0) return;
    for (const group of (index.owners[slot] as Subject).groups) {
      this.singles ||= (index.flags(group.slot) & R_SINGLES) !== 0;
      this.reserve(this.end / GRANT_INTS + index.grantCount(group.slot));
      this.end = index.copyGrants(group.slot, this.data, this.end);
    }
  }

  private reserve(grants: number): void {
    if (grants * GRANT_INTS <= this.data.length) return;
    const bigger = new Int32Array(grants * GRANT_INTS * 2);
    bigger.set(this.data.subarray(0, this.end));
    this.data = bigger;
  }
}

/** A fresh view of the subject in `slot` for `path`, for callers outside a decision (assign). */
export const viewFor = (snap: Snapshot, slot: number, path: Path): GrantView => {
  const v = new GrantView();
  v.gather(snap.index, slot);
  hashPrefixes(path, v.hashes, v.maxDepth);
  return v;
};

export const roleAt = (snap: Snapshot, v: GrantView, b: number): RoleEntry =>
  snap.catalog.roleList[(v.data[b] as number) & ROLE_MASK] as RoleEntry;

export const depthAt = (v: GrantView, b: number): number => ((v.data[b] as number) >>> DEPTH_SHIFT) & 7;

export const grantAt = (snap: Snapshot, v: GrantView, b: number): Grant =>
  snap.grantTable[v.data[b + 2] as number] as Grant;

/** True when summary `b` covers the path: prefix hashes agree, then every segment is compared. */
export const coversPath = (snap: Snapshot, v: GrantView, b: number, path: Path): boolean => {
  const d = depthAt(v, b);
  if (v.hashes[d] !== v.data[b + 1]) return false;
  const segments = snap.grantSegments;
  const at = (v.data[b + 2] as number) * 6;
  for (let i = d; i >= 0; i--) if (segments[at + i] !== path[i]) return false;
  return true;
};

/** True when summary `b` counts at `now` (0 = read the clock only if needed), wherever it is. */
export const inForce = (snap: Snapshot, v: GrantView, b: number, now: number): boolean => {
  const flags = v.data[b] as number;
  if ((flags & (F_EXPIRES | F_CROSS)) === 0) return true;
  const g = grantAt(snap, v, b);
  if ((flags & F_EXPIRES) !== 0 && g.expiresAt <= (now || Date.now())) return false;
  return (flags & F_CROSS) === 0 || snap.productEnabled(g.subject.org, g.role.product);
};

/** True when summary `b` covers the path and is in force. */
export const usable = (snap: Snapshot, v: GrantView, b: number, path: Path, now: number): boolean =>
  coversPath(snap, v, b, path) && inForce(snap, v, b, now);

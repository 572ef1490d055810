// The check path's index: an open-addressing table of 8-byte slots (id hash, record offset) over an Int32Array,
// and one contiguous record per subject (count, flags, three ints per grant) in another. Small enough for cache.
import { hashId } from "./path-hash.ts";

/** Ints per grant summary: role index | depth << 16 | flags, prefix hash at its depth, grant ordinal. */
export const GRANT_INTS = 3;
const HEADER = 2;

export const DEPTH_SHIFT = 16;
export const ROLE_MASK = 0xffff;
/** The grant expires at some time: look at the Grant itself. */
export const F_EXPIRES = 1 << 20;
/** The grant reaches another organization than its holder's home. */
export const F_CROSS = 1 << 21;
/** Record flag: the subject belongs to groups. */
export const R_GROUPS = 1;
/** Record flag: the subject holds single-permission grants. */
export const R_SINGLES = 2;

/** What the index needs of a grant to summarise it. */
export interface Summarised {
  readonly roleIndex: number;
  readonly depth: number;
  readonly hash: number;
  readonly ordinal: number;
  readonly expires: boolean;
  readonly crossOrg: boolean;
  readonly single: boolean;
}

export class CheckIndex {
  /** Two ints per slot: the id's hash (0 = empty) and the offset of its record (-1 = no grants). */
  private table = new Int32Array(2 * 1024);
  /** The id held in each slot, for exact verification of a hash hit. */
  private ids: Array<string | undefined> = new Array(1024);
  /** The owner of each slot (its Subject object in the snapshot). */
  owners: Array<unknown> = new Array(1024);
  private mask = 1023;
  private used = 0;
  private records = new Int32Array(4096);
  private recordsEnd = 0;
  private deadInts = 0;

  /** The slot holding `id`, or -1. */
  find(id: string): number {
    const tag = hashId(id);
    const t = this.table;
    for (let s = tag & this.mask; ; s = (s + 1) & this.mask) {
      const at = t[2 * s] as number;
      if (at === 0) return -1;
      if (at === tag && this.ids[s] === id) return s;
    }
  }

  /** The slot for `id`, claiming an empty one for a new subject. */
  claim(id: string, owner: unknown): number {
    const found = this.find(id);
    if (found >= 0) return found;
    if ((this.used + 1) * 2 > this.mask + 1) this.grow();
    const tag = hashId(id);
    let s = tag & this.mask;
    while ((this.table[2 * s] as number) !== 0) s = (s + 1) & this.mask;
    this.table[2 * s] = tag;
    this.table[2 * s + 1] = -1;
    this.ids[s] = id;
    this.owners[s] = owner;
    this.used++;
    return s;
  }

  /** Rewrites a subject's record: in place when the size is unchanged, otherwise appended (the old one dies). */
  write(slot: number, grants: ReadonlyArray<Summarised>, hasGroups: boolean): void {
    const old = this.table[2 * slot + 1] as number;
    const oldLen = old < 0 ? 0 : HEADER + (this.records[old] as number) * GRANT_INTS;
    const len = HEADER + grants.length * GRANT_INTS;
    let at = old;
    if (len !== oldLen) {
      this.deadInts += oldLen;
      at = this.reserve(len);
    }
    const r = this.records;
    r[at] = grants.length;
    r[at + 1] = (hasGroups ? R_GROUPS : 0) | (grants.some((g) => g.single) ? R_SINGLES : 0);
    grants.forEach((g, i) => {
      const b = at + HEADER + i * GRANT_INTS;
      r[b] =
        g.roleIndex | (g.depth << DEPTH_SHIFT) | (g.expires ? F_EXPIRES : 0) | (g.crossOrg ? F_CROSS : 0);
      r[b + 1] = g.hash;
      r[b + 2] = g.ordinal;
    });
    this.table[2 * slot + 1] = at;
  }

  /** Copies the slot's grant summaries into `into` from position `from`; returns the new end. */
  copyGrants(slot: number, into: Int32Array, from: number): number {
    const at = this.table[2 * slot + 1] as number;
    if (at < 0) return from;
    const r = this.records;
    const end = at + HEADER + (r[at] as number) * GRANT_INTS;
    let to = from;
    for (let i = at + HEADER; i < end; i++) into[to++] = r[i] as number;
    return to;
  }

  grantCount(slot: number): number {
    const at = this.table[2 * slot + 1] as number;
    return at < 0 ? 0 : (this.records[at] as number);
  }

  /** The record flags (R_GROUPS, R_SINGLES) of the slot. */
  flags(slot: number): number {
    const at = this.table[2 * slot + 1] as number;
    return at < 0 ? 0 : (this.records[at + 1] as number);
  }

  /** Frees a subject's slot (backward-shift deletion keeps every probe chain intact). */
  release(id: string): void {
    let s = this.find(id);
    if (s < 0) return;
    const t = this.table;
    const rec = t[2 * s + 1] as number;
    if (rec >= 0) this.deadInts += HEADER + (this.records[rec] as number) * GRANT_INTS;
    this.used--;
    for (let next = (s + 1) & this.mask; ; next = (next + 1) & this.mask) {
      const tag = t[2 * next] as number;
      if (tag === 0) break;
      const home = tag & this.mask;
      const between = s <= next ? s < home && home <= next : s < home || home <= next;
      if (between) continue;
      this.moveSlot(next, s);
      s = next;
    }
    t[2 * s] = 0;
    t[2 * s + 1] = -1;
    this.ids[s] = undefined;
    this.owners[s] = undefined;
  }

  /** Bytes the index's typed arrays hold, for the benchmark's memory figure. */
  get bytes(): number {
    return this.table.byteLength + this.records.byteLength;
  }

  private moveSlot(from: number, to: number): void {
    this.table[2 * to] = this.table[2 * from] as number;
    this.table[2 * to + 1] = this.table[2 * from + 1] as number;
    this.ids[to] = this.ids[from];
    this.owners[to] = this.owners[from];
    (this.owners[to] as { slot: number }).slot = to;
  }

  private reserve(ints: number): number {
    if (this.recordsEnd + ints > this.records.length) {
      const live = this.recordsEnd - this.deadInts;
      if (this.deadInts > live) this.compact();
      if (this.recordsEnd + ints > this.records.length) {
        const bigger = new Int32Array(Math.max(2 * this.records.length, 2 * (this.recordsEnd + ints)));
        bigger.set(this.records.subarray(0, this.recordsEnd));
        this.records = bigger;
      }
    }
    const at = this.recordsEnd;
    this.recordsEnd += ints;
    return at;
  }

  /** Copies every live record to a fresh array, dropping dead ones. */
  private compact(): void {
    const t = this.table;
    const fresh = new Int32Array(this.records.length);
    let end = 0;
    for (let s = 0; s <= this.mask; s++) {
      const at = t[2 * s + 1] as number;
      if (t[2 * s] === 0 || at < 0) continue;
      const len = HEADER + (this.records[at] as number) * GRANT_INTS;
      fresh.set(this.records.subarray(at, at + len), end);
      t[2 * s + 1] = end;
      end += len;
    }
    this.records = fresh;
    this.recordsEnd = end;
    this.deadInts = 0;
  }

  private grow(): void {
    const old = this.table;
    const oldIds = this.ids;
    const oldOwners = this.owners;
    const size = (this.mask + 1) * 2;
    this.table = new Int32Array(2 * size);
    this.ids = new Array(size);
    this.owners = new Array(size);
    this.mask = size - 1;
    for (let s = 0; s < oldIds.length; s++) {
      const tag = old[2 * s] as number;
      if (tag === 0) continue;
      let to = tag & this.mask;
      while ((this.table[2 * to] as number) !== 0) to = (to + 1) & this.mask;
      this.table[2 * to] = tag;
      this.table[2 * to + 1] = old[2 * s + 1] as number;
      this.ids[to] = oldIds[s];
      this.owners[to] = oldOwners[s];
      (oldOwners[s] as { slot: number }).slot = to;
    }
  }
}

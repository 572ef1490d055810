// The check path's index: an open-addressing table of 64-byte slots over an Int32Array, one per subject:
// id hash, grant count, flags, and up to four grant summaries inline; more spill into an overflow array.
import { SUMMARY_INTS, type Summarised, writeSummary } from "./grant-summary.ts";
import { hashId } from "./path-hash.ts";

/** Ints per slot (64 bytes); the slot's fields follow, by offset. */
const SLOT = 16;
/** The subject id's hash; 0 marks an empty slot. */
const TAG = 0;
/** How many grant summaries the subject has. */
const COUNT = 1;
/** The slot flags, IN_GROUPS | HOLDS_SINGLES | DEACTIVATED. */
const FLAGS = 2;
/** Where the summaries past the inline ones start in the overflow array (-1: none). */
const OVERFLOW = 3;
/** The first of the summaries held in the slot itself. */
const FIRST_SUMMARY = 4;
/** How many summaries the slot holds; the rest go to the overflow array. */
const INLINE = 4;

/** Slot flag: the subject belongs to groups. */
export const IN_GROUPS = 1;
/** Slot flag: the subject holds single-permission grants. */
export const HOLDS_SINGLES = 2;
/** Slot flag: the subject is a deactivated user (kept here so a check never reads the Subject object). */
export const DEACTIVATED = 4;

export class CheckIndex {
  private table = new Int32Array(SLOT * 1024);
  /** The id held in each slot, for exact verification of a hash hit. */
  private ids: Array<string | undefined> = new Array(1024);
  /** The owner of each slot (its Subject object in the snapshot). */
  owners: Array<unknown> = new Array(1024);
  private mask = 1023;
  private used = 0;
  /** Summaries past the fourth of each subject, in one region per subject. */
  private overflow = new Int32Array(4096);
  private overflowEnd = 0;
  private deadInts = 0;

  /** The slot holding `id`, or -1. */
  find(id: string): number {
    const tag = hashId(id);
    const t = this.table;
    for (let s = tag & this.mask; ; s = (s + 1) & this.mask) {
      const at = t[SLOT * s + TAG] as number;
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
    while ((this.table[SLOT * s + TAG] as number) !== 0) s = (s + 1) & this.mask;
    this.table[SLOT * s + TAG] = tag;
    this.table[SLOT * s + OVERFLOW] = -1;
    this.ids[s] = id;
    this.owners[s] = owner;
    this.used++;
    return s;
  }

  /** Rewrites a subject's summaries; an overflow region is reused when its size is unchanged. */
  write(slot: number, grants: ReadonlyArray<Summarised>, hasGroups: boolean): void {
    const t = this.table;
    const base = SLOT * slot;
    const oldExtra = Math.max(0, (t[base + COUNT] as number) - INLINE) * SUMMARY_INTS;
    const extra = Math.max(0, grants.length - INLINE) * SUMMARY_INTS;
    let start = t[base + OVERFLOW] as number;
    if (extra !== oldExtra) {
      this.deadInts += oldExtra;
      start = extra === 0 ? -1 : this.reserve(extra);
    }
    t[base + COUNT] = grants.length;
    t[base + FLAGS] =
      ((t[base + FLAGS] as number) & DEACTIVATED) |
      (hasGroups ? IN_GROUPS : 0) |
      (grants.some((g) => g.single) ? HOLDS_SINGLES : 0);
    t[base + OVERFLOW] = start;
    grants.forEach((g, i) => {
      if (i < INLINE) writeSummary(t, base + FIRST_SUMMARY + i * SUMMARY_INTS, g);
      else writeSummary(this.overflow, start + (i - INLINE) * SUMMARY_INTS, g);
    });
  }

  /** Copies the slot's grant summaries into `into` from position `from`; returns the new end. */
  copyGrants(slot: number, into: Int32Array, from: number): number {
    const t = this.table;
    const base = SLOT * slot;
    const n = t[base + COUNT] as number;
    let to = from;
    const inlineEnd = base + FIRST_SUMMARY + Math.min(n, INLINE) * SUMMARY_INTS;
    for (let i = base + FIRST_SUMMARY; i < inlineEnd; i++) into[to++] = t[i] as number;
    if (n > INLINE) {
      const o = this.overflow;
      const start = t[base + OVERFLOW] as number;
      const end = start + (n - INLINE) * SUMMARY_INTS;
      for (let i = start; i < end; i++) into[to++] = o[i] as number;
    }
    return to;
  }

  /** The table, for reading a slot's summaries in place (see `inlineSummaries`); a new array once the table grows. */
  get slots(): Int32Array {
    return this.table;
  }

  /** Where the slot's summaries start in `slots` when the slot holds them all (none overflow), else -1. */
  inlineSummaries(slot: number): number {
    const base = SLOT * slot;
    return (this.table[base + COUNT] as number) <= INLINE ? base + FIRST_SUMMARY : -1;
  }

  grantCount(slot: number): number {
    return this.table[SLOT * slot + COUNT] as number;
  }

  /** The slot's flags (IN_GROUPS, HOLDS_SINGLES, DEACTIVATED). */
  flags(slot: number): number {
    return this.table[SLOT * slot + FLAGS] as number;
  }

  /** Sets or clears the slot's DEACTIVATED flag. */
  markDeactivated(slot: number, deactivated: boolean): void {
    const at = SLOT * slot + FLAGS;
    this.table[at] = ((this.table[at] as number) & ~DEACTIVATED) | (deactivated ? DEACTIVATED : 0);
  }

  /** Frees a subject's slot (backward-shift deletion keeps every probe chain intact). */
  release(id: string): void {
    let s = this.find(id);
    if (s < 0) return;
    const t = this.table;
    this.deadInts += Math.max(0, (t[SLOT * s + COUNT] as number) - INLINE) * SUMMARY_INTS;
    this.used--;
    for (let next = (s + 1) & this.mask; ; next = (next + 1) & this.mask) {
      const tag = t[SLOT * next + TAG] as number;
      if (tag === 0) break;
      const home = tag & this.mask;
      const between = s <= next ? s < home && home <= next : s < home || home <= next;
      if (between) continue;
      this.moveSlot(next, s);
      s = next;
    }
    t.fill(0, SLOT * s, SLOT * (s + 1));
    this.ids[s] = undefined;
    this.owners[s] = undefined;
  }

  /** Bytes the index's typed arrays hold, for the benchmark's memory figure. */
  get bytes(): number {
    return this.table.byteLength + this.overflow.byteLength;
  }

  private moveSlot(from: number, to: number): void {
    this.table.copyWithin(SLOT * to, SLOT * from, SLOT * (from + 1));
    this.ids[to] = this.ids[from];
    this.owners[to] = this.owners[from];
    (this.owners[to] as { slot: number }).slot = to;
  }

  private reserve(ints: number): number {
    if (this.overflowEnd + ints > this.overflow.length) {
      if (this.deadInts > this.overflowEnd - this.deadInts) this.compact();
      if (this.overflowEnd + ints > this.overflow.length) {
        const bigger = new Int32Array(Math.max(2 * this.overflow.length, 2 * (this.overflowEnd + ints)));
        bigger.set(this.overflow.subarray(0, this.overflowEnd));
        this.overflow = bigger;
      }
    }
    const at = this.overflowEnd;
    this.overflowEnd += ints;
    return at;
  }

  /** Copies every live overflow region to a fresh array, dropping dead ones. */
  private compact(): void {
    const t = this.table;
    const fresh = new Int32Array(this.overflow.length);
    let end = 0;
    for (let s = 0; s <= this.mask; s++) {
      const base = SLOT * s;
      const n = t[base + COUNT] as number;
      if (t[base + TAG] === 0 || n <= INLINE) continue;
      const len = (n - INLINE) * SUMMARY_INTS;
      const start = t[base + OVERFLOW] as number;
      fresh.set(this.overflow.subarray(start, start + len), end);
      t[base + OVERFLOW] = end;
      end += len;
    }
    this.overflow = fresh;
    this.overflowEnd = end;
    this.deadInts = 0;
  }

  private grow(): void {
    const old = this.table;
    const oldIds = this.ids;
    const oldOwners = this.owners;
    const size = (this.mask + 1) * 2;
    this.table = new Int32Array(SLOT * size);
    this.ids = new Array(size);
    this.owners = new Array(size);
    this.mask = size - 1;
    for (let s = 0; s < oldIds.length; s++) {
      const tag = old[SLOT * s + TAG] as number;
      if (tag === 0) continue;
      let to = tag & this.mask;
      while ((this.table[SLOT * to + TAG] as number) !== 0) to = (to + 1) & this.mask;
      this.table.set(old.subarray(SLOT * s, SLOT * (s + 1)), SLOT * to);
      this.ids[to] = oldIds[s];
      this.owners[to] = oldOwners[s];
      (oldOwners[s] as { slot: number }).slot = to;
    }
  }
}

// The check path's index: a 64-byte slot per subject in one Int32Array (grant count, flags, reach, up to four grant
// summaries inline; more spill into an overflow array), found by id through a null-prototype record (see `slotOf`).
import { REACH_INTS } from "./action-reach.ts";
import { SUMMARY_INTS, type Summarised, writeSummary } from "./grant-summary.ts";

/**
 * Ints per slot (64 bytes); the slot's fields follow, by offset, in the order a check reads them. A typed array's data
 * is not 64-byte aligned (glibc puts large blocks 16 bytes past a page), so a slot usually spans two cache lines: what
 * every check reads (flags, reach) and the first summaries come first, and the overflow offset, read only past the
 * fourth summary, last.
 */
const SLOT = 16;
/**
 * How many grant summaries the subject has (up to 2^28), above FLAG_BITS slot flags (IN_GROUPS | HOLDS_SINGLES |
 * DEACTIVATED).
 */
const HEAD = 0;
const FLAG_BITS = 3;
/** The groups of actions the subject's own grants' roles may allow (see action-reach.ts), REACH_INTS ints. */
const REACH = 1;
/** The first of the summaries held in the slot itself. */
const FIRST_SUMMARY = REACH + REACH_INTS;
/** How many summaries the slot holds; the rest go to the overflow array. */
const INLINE = 4;
/** Where the summaries past the inline ones start in the overflow array (-1: none). */
const OVERFLOW = FIRST_SUMMARY + INLINE * SUMMARY_INTS;

/**
 * Slot flags, read through `inGroups`, `holdsSingles` and `deactivated` (methods, which V8 inlines, where an exported
 * constant is read through its module cell on every use): the subject belongs to groups; holds single-permission
 * grants; is a deactivated user (kept here so a check never reads the Subject object).
 */
const IN_GROUPS = 1;
const HOLDS_SINGLES = 2;
const DEACTIVATED = 4;

export class CheckIndex {
  private table = new Int32Array(SLOT * 1024);
  /**
   * Each subject's slot by id, in a null-prototype record (V8 keeps it as a dictionary: key, value and details in one
   * entry) rather than a Map (a bucket, then an entry elsewhere): one dependent read fewer, 10% of a check at 100k users,
   * and faster for ids fresh from JSON too. Any string is a key like any other (see lookup-keys.test.ts); a lookup of
   * an unknown id adds nothing to V8's string table. Not a probe of the table by a hash of our own: V8 hashes a string
   * in native code, once, and keeps the hash on it, where a hash in JavaScript cost about 20 instructions per character.
   */
  private readonly slotOf: Record<string, number> = Object.create(null);
  /** The owner of each slot (its Subject object in the snapshot); slots never move. */
  owners: Array<unknown> = [];
  /** Slots freed by `release`, reused first; slots from `next` on were never used. */
  private readonly free: number[] = [];
  private next = 0;
  /** Summaries past the fourth of each subject, in one region per subject. */
  private overflow = new Int32Array(4096);
  private overflowEnd = 0;
  private deadInts = 0;

  /** The slot holding `id`, or -1. */
  find(id: string): number {
    return this.slotOf[id] ?? -1;
  }

  /** The slot for `id`, claiming a free one for a new subject. */
  claim(id: string, owner: unknown): number {
    const found = this.find(id);
    if (found >= 0) return found;
    const s = this.free.pop() ?? this.next++;
    if (SLOT * (s + 1) > this.table.length) this.grow();
    this.table[SLOT * s + OVERFLOW] = -1;
    this.owners[s] = owner;
    this.slotOf[id] = s;
    return s;
  }

  /**
   * Rewrites a subject's summaries and its reach (the union of its grants' roles' reaches, REACH_INTS ints); an
   * overflow region is reused when its size is unchanged.
   */
  write(slot: number, grants: ReadonlyArray<Summarised>, hasGroups: boolean, reach: Int32Array): void {
    const t = this.table;
    const base = SLOT * slot;
    const oldExtra = Math.max(0, this.grantCount(slot) - INLINE) * SUMMARY_INTS;
    const extra = Math.max(0, grants.length - INLINE) * SUMMARY_INTS;
    let start = t[base + OVERFLOW] as number;
    if (extra !== oldExtra) {
      this.deadInts += oldExtra;
      start = extra === 0 ? -1 : this.reserve(extra);
    }
    t[base + HEAD] =
      (grants.length << FLAG_BITS) |
      ((t[base + HEAD] as number) & DEACTIVATED) |
      (hasGroups ? IN_GROUPS : 0) |
      (grants.some((g) => g.single) ? HOLDS_SINGLES : 0);
    t[base + OVERFLOW] = start;
    for (let at = 0; at < REACH_INTS; at++) t[base + REACH + at] = reach[at] as number;
    grants.forEach((g, i) => {
      if (i < INLINE) writeSummary(t, base + FIRST_SUMMARY + i * SUMMARY_INTS, g);
      else writeSummary(this.overflow, start + (i - INLINE) * SUMMARY_INTS, g);
    });
  }

  /** Copies the slot's grant summaries into `into` from position `from`; returns the new end. */
  copyGrants(slot: number, into: Int32Array, from: number): number {
    const t = this.table;
    const base = SLOT * slot;
    const n = this.grantCount(slot);
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
    return this.grantCount(slot) <= INLINE ? base + FIRST_SUMMARY : -1;
  }

  grantCount(slot: number): number {
    return (this.table[SLOT * slot + HEAD] as number) >>> FLAG_BITS;
  }

  /**
   * Int `at` (below REACH_INTS) of the groups of actions the subject's own grants may allow (its groups' grants are in
   * their own slots).
   */
  reach(slot: number, at: number): number {
    return this.table[SLOT * slot + REACH + at] as number;
  }

  /** The subject belongs to groups (whose summaries are in their own slots). */
  inGroups(slot: number): boolean {
    return ((this.table[SLOT * slot + HEAD] as number) & IN_GROUPS) !== 0;
  }

  /** The subject holds single-permission grants. */
  holdsSingles(slot: number): boolean {
    return ((this.table[SLOT * slot + HEAD] as number) & HOLDS_SINGLES) !== 0;
  }

  /** The subject is a deactivated user. */
  deactivated(slot: number): boolean {
    return ((this.table[SLOT * slot + HEAD] as number) & DEACTIVATED) !== 0;
  }

  /** Sets or clears the slot's DEACTIVATED flag. */
  markDeactivated(slot: number, deactivated: boolean): void {
    const at = SLOT * slot + HEAD;
    this.table[at] = ((this.table[at] as number) & ~DEACTIVATED) | (deactivated ? DEACTIVATED : 0);
  }

  /** Frees a subject's slot for reuse. */
  release(id: string): void {
    const s = this.find(id);
    if (s < 0) return;
    const t = this.table;
    this.deadInts += Math.max(0, this.grantCount(s) - INLINE) * SUMMARY_INTS;
    t.fill(0, SLOT * s, SLOT * (s + 1));
    this.owners[s] = undefined;
    delete this.slotOf[id];
    this.free.push(s);
  }

  /** Bytes the index's typed arrays hold, for the benchmark's memory figure. */
  get bytes(): number {
    return this.table.byteLength + this.overflow.byteLength;
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
    for (let s = 0; s < this.next; s++) {
      const base = SLOT * s;
      const n = this.grantCount(s);
      if (this.owners[s] === undefined || n <= INLINE) continue;
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

  /** Doubles the table (slots keep their places). */
  private grow(): void {
    const bigger = new Int32Array(this.table.length * 2);
    bigger.set(this.table);
    this.table = bigger;
  }
}

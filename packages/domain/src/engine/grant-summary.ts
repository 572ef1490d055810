// One grant as the check path stores it: SUMMARY_INTS ints, so a decision reads grants without touching objects.
// The layout lives here only; every other module reads a summary through these accessors.

/** Ints per summary; the fields follow, by offset. */
export const SUMMARY_INTS = 3;
/** Role index in the low 16 bits, the scope's depth above them, then the EXPIRES and CROSS_ORG flags. */
const HEAD = 0;
/** The filter hash of the grant's scope, compared with the decision path's at the same depth (see path-hash.ts). */
const HASH = 1;
/** The grant's position in the snapshot's grant table and segment rows. */
const ORDINAL = 2;

const ROLE_MASK = 0xffff;
const DEPTH_SHIFT = 16;
const DEPTH_MASK = 7;
/** The grant expires at some time: look at the Grant itself. */
const EXPIRES = 1 << 20;
/** The grant reaches another organization than its holder's home. */
const CROSS_ORG = 1 << 21;

/** What a summary records of a grant. */
export interface Summarised {
  readonly roleIndex: number;
  readonly depth: number;
  readonly hash: number;
  readonly ordinal: number;
  readonly expires: boolean;
  readonly crossOrg: boolean;
  readonly single: boolean;
}

/** Writes `g`'s summary at offset `b`. */
export const writeSummary = (out: Int32Array, b: number, g: Summarised): void => {
  out[b + HEAD] =
    g.roleIndex | (g.depth << DEPTH_SHIFT) | (g.expires ? EXPIRES : 0) | (g.crossOrg ? CROSS_ORG : 0);
  out[b + HASH] = g.hash;
  out[b + ORDINAL] = g.ordinal;
};

/** The catalog index of the summary's role. */
export const summaryRole = (data: Int32Array, b: number): number => (data[b + HEAD] as number) & ROLE_MASK;

/** The depth of the grant's scope (0 = org … 5 = flag). */
export const summaryDepth = (data: Int32Array, b: number): number =>
  ((data[b + HEAD] as number) >>> DEPTH_SHIFT) & DEPTH_MASK;

/** The filter hash of the grant's scope (see path-hash.ts). */
export const summaryHash = (data: Int32Array, b: number): number => data[b + HASH] as number;

/** The grant's position in the snapshot's grant table. */
export const summaryOrdinal = (data: Int32Array, b: number): number => data[b + ORDINAL] as number;

/** The grant expires, or reaches another organization: only its Grant object says whether it is in force. */
export const summaryConditional = (data: Int32Array, b: number): boolean =>
  ((data[b + HEAD] as number) & (EXPIRES | CROSS_ORG)) !== 0;

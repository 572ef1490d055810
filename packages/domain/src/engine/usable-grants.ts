// Searches over a decision's grant view (which grant holds a bit, which counts as a role), and why a
// grant object does or does not count, for explanations.

import { GRANT_INTS } from "./check-index.ts";
import type { ConsideredGrant } from "./explanation.ts";
import type { Grant } from "./grant-entry.ts";
import { type GrantView, grantAt, roleAt, usable } from "./grant-view.ts";
import type { Path } from "./resource-path.ts";
import type { Snapshot } from "./snapshot.ts";

export interface GrantStanding {
  readonly status: ConsideredGrant["status"];
  readonly note: string;
}
export const IN_FORCE: GrantStanding = { status: "counts", note: "covers the resource and is in force" };
const OUT_OF_SCOPE: GrantStanding = { status: "out-of-scope", note: "its scope does not cover the resource" };

/** Why a grant does not count for the path, for explanations; undefined when it counts. */
export const standing = (snap: Snapshot, g: Grant, path: Path, now: number): GrantStanding | undefined => {
  for (let d = g.node.depth; d >= 0; d--) if (g.node.ancestors[d]?.key !== path[d]) return OUT_OF_SCOPE;
  if (g.expiresAt !== 0 && g.expiresAt <= (now || Date.now()))
    return { status: "expired", note: "it has expired" };
  if (g.crossOrg && !snap.productEnabled(g.subject.org, g.role.product))
    return {
      status: "partner-product-disabled",
      note: `the holder's home organization has not enabled ${g.role.product}`,
    };
  return undefined;
};

/** The first usable grant whose role holds bit `bit`, or undefined. */
export const findHolding = (
  snap: Snapshot,
  v: GrantView,
  path: Path,
  bit: number,
  now: number,
): Grant | undefined => {
  const word = bit >>> 5;
  const mask = 1 << (bit & 31);
  for (let b = 0; b < v.end; b += GRANT_INTS)
    if (((roleAt(snap, v, b).bits[word] as number) & mask) !== 0 && usable(snap, v, b, path, now))
      return grantAt(snap, v, b);
  return undefined;
};

/** The first usable grant whose role counts as one of `roles`, or undefined. */
export const findCountingAs = (
  snap: Snapshot,
  v: GrantView,
  path: Path,
  roles: ReadonlySet<number>,
  now: number,
): Grant | undefined => {
  for (let b = 0; b < v.end; b += GRANT_INTS) {
    if (!usable(snap, v, b, path, now)) continue;
    const countsAs = roleAt(snap, v, b).countsAs;
    for (const r of roles) if (countsAs.has(r)) return grantAt(snap, v, b);
  }
  return undefined;
};

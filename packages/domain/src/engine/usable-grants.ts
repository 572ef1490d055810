// Searches over a decision's gathered grants (which grant holds a bit, which counts as a role), and why a
// grant object does or does not count, for explanations.
import { inForce } from "../model/expiry.ts";
import { type DecisionContext, grantAt, holdsAt, roleAt, usable } from "./decision-context.ts";
import type { ConsideredGrant } from "./explanation.ts";
import type { Grant } from "./grant-entry.ts";
import { SUMMARY_INTS } from "./grant-summary.ts";
import { type Path, segmentCovers } from "./resource-path.ts";
import type { Snapshot } from "./snapshot.ts";

export interface GrantStanding {
  readonly status: ConsideredGrant["status"];
  readonly note: string;
}
export const IN_FORCE: GrantStanding = { status: "counts", note: "covers the resource and is in force" };
const OUT_OF_SCOPE: GrantStanding = { status: "out-of-scope", note: "its scope does not cover the resource" };
const EXPIRED: GrantStanding = { status: "expired", note: "it has expired" };

/** Why a grant does not count for the path, for explanations; undefined when it counts (see `countsAt`). */
export const standing = (snap: Snapshot, g: Grant, path: Path, now: number): GrantStanding | undefined => {
  for (let d = g.node.depth; d >= 0; d--)
    if (!segmentCovers(g.node.ancestors[d]?.key, path[d], d)) return OUT_OF_SCOPE;
  if (!inForce(g.expiresAt, now)) return EXPIRED;
  if (g.crossOrg && !snap.productEnabled(g.subject.org, g.role.product))
    return {
      status: "partner-product-disabled",
      note: `the holder's home organization has not enabled ${g.role.product}`,
    };
  return undefined;
};

/** The first usable grant whose role holds action bit `bit`, or undefined. */
export const findHolding = (cx: DecisionContext, bit: number): Grant | undefined => {
  for (let b = cx.grants.first; b < cx.grants.end; b += SUMMARY_INTS)
    if (holdsAt(cx, b, bit) && usable(cx, b)) return grantAt(cx, b);
  return undefined;
};

/** The first usable grant whose role counts as one of `roles`, or undefined. */
export const findCountingAs = (cx: DecisionContext, roles: ReadonlySet<number>): Grant | undefined => {
  for (let b = cx.grants.first; b < cx.grants.end; b += SUMMARY_INTS) {
    if (!usable(cx, b)) continue;
    const countsAs = roleAt(cx, b).countsAs;
    for (const r of roles) if (countsAs.has(r)) return grantAt(cx, b);
  }
  return undefined;
};

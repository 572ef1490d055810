// Which of a subject's grants count for a resource: direct or through a group, covering, unexpired,
// and, when the grant reaches into another organization, backed by that product being enabled at home.
import type { ConsideredGrant } from "./explanation.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import type { ScopeNode } from "./scope-tree.ts";
import type { Snapshot } from "./snapshot.ts";

/** The grant lists to scan for a subject: its own, then each group's. Index -1 is the subject's own. */
export const grantList = (subject: Subject, k: number): ReadonlyArray<Grant> =>
  k < 0 ? subject.grants : (subject.groups[k] as Subject).grants;

/** True when the grant covers `node` and counts at time `now` (0 = read the clock only if needed). */
export const usable = (snap: Snapshot, g: Grant, node: ScopeNode, now: number): boolean => {
  const d = g.node.depth;
  if (node.depth < d || node.ancestors[d] !== g.node) return false;
  if (g.expiresAt !== 0 && g.expiresAt <= (now || Date.now())) return false;
  return !g.crossOrg || snap.productEnabled(g.subject.org, g.role.product);
};

export interface GrantStanding {
  readonly status: ConsideredGrant["status"];
  readonly note: string;
}
export const IN_FORCE: GrantStanding = { status: "counts", note: "covers the resource and is in force" };
export const OUT_OF_SCOPE: GrantStanding = {
  status: "out-of-scope",
  note: "its scope does not cover the resource",
};

/** Why a grant does not count for the node, for explanations; undefined when it counts. */
export const unusableReason = (
  snap: Snapshot,
  g: Grant,
  node: ScopeNode,
  now: number,
): GrantStanding | undefined => {
  const d = g.node.depth;
  if (node.depth < d || node.ancestors[d] !== g.node) return OUT_OF_SCOPE;
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
  subject: Subject,
  node: ScopeNode,
  bit: number,
  now: number,
): Grant | undefined => {
  for (let k = -1; k < subject.groups.length; k++) {
    const list = grantList(subject, k);
    for (let i = 0; i < list.length; i++) {
      const g = list[i] as Grant;
      if (((g.role.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0 && usable(snap, g, node, now))
        return g;
    }
  }
  return undefined;
};

/** The first usable grant whose role counts as one of `roles`, or undefined. */
export const findCountingAs = (
  snap: Snapshot,
  subject: Subject,
  node: ScopeNode,
  roles: ReadonlySet<number>,
  now: number,
): Grant | undefined => {
  for (let k = -1; k < subject.groups.length; k++) {
    const list = grantList(subject, k);
    for (let i = 0; i < list.length; i++) {
      const g = list[i] as Grant;
      if (!usable(snap, g, node, now)) continue;
      for (const r of roles) if (g.role.countsAs.has(r)) return g;
    }
  }
  return undefined;
};

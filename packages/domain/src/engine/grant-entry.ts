// A grant and a subject as the engine holds them, for explanations, whoCan, assign and landing.
// The check path reads the compact CheckIndex instead; a subject's `slot` and a grant's `ordinal` link the two.
import { inForce } from "../model/expiry.ts";
import type { RoleEntry } from "./role-entry.ts";
import type { ScopeNode } from "./scope-tree.ts";
import type { Snapshot } from "./snapshot.ts";

export interface Subject {
  readonly id: string;
  readonly kind: "user" | "group";
  /** Home organization. */
  readonly org: string;
  readonly grants: Grant[];
  /** The subject's slot in the CheckIndex (fixed for the subject's life). */
  slot: number;
  /** For users: the groups they belong to. */
  readonly groups: Subject[];
  /** For groups: their members. */
  readonly members: Set<Subject>;
  /**
   * A deactivated user's grants (its own and its groups') count for nothing until it is reactivated. Set through
   * `Snapshot.setDeactivated`, which also marks the subject's CheckIndex slot (what the check path reads).
   */
  readonly deactivated: boolean;
}

export interface Grant {
  readonly id: string;
  readonly subject: Subject;
  readonly node: ScopeNode;
  readonly role: RoleEntry;
  /** Epoch milliseconds after which the grant no longer counts; 0 means never. */
  readonly expiresAt: number;
  /** The grant's scope is in another organization than the subject's home. */
  readonly crossOrg: boolean;
  /** The scope's filter hash at its depth (see path-hash.ts), what the index compares first. */
  readonly hash: number;
  /** Position in the snapshot's grant table, which the index stores. */
  readonly ordinal: number;
  /** Position in node.grants, for O(1) removal. */
  atNode: number;
}

/**
 * True when the grant counts at `now`: it is in force and, when it reaches another organization (a partner's
 * Mission Control role), its holder's home organization has enabled the role's product.
 */
export const countsAt = (snap: Snapshot, g: Grant, now: number): boolean =>
  inForce(g.expiresAt, now) && (!g.crossOrg || snap.productEnabled(g.subject.org, g.role.product));

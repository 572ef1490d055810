// A grant and a subject as the engine holds them, for explanations, whoCan, assign and landing.
// The check path reads the compact CheckIndex instead; `slot` and `ordinal` link the two.
import type { RoleEntry } from "./role-entry.ts";
import type { ScopeNode } from "./scope-tree.ts";

export interface Subject {
  readonly id: string;
  readonly kind: "user" | "group";
  /** Home organization. */
  readonly org: string;
  readonly grants: Grant[];
  /** The subject's slot in the CheckIndex (moves when the table grows). */
  slot: number;
  /** For users: the groups they belong to. */
  readonly groups: Subject[];
  /** For groups: their members. */
  readonly members: Set<Subject>;
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
  /** Hash of the full path (see path-hash.ts), the filter the index compares first. */
  readonly hash: number;
  /** Position in the snapshot's grant table, which the index stores. */
  readonly ordinal: number;
  /** Position in node.grants, for O(1) removal. */
  slot: number;
}

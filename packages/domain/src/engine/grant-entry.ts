// A grant and a subject as the engine holds them: object references, no ids to look up on the check path.
// Users carry their direct grants and their groups; groups carry their grants and members.
import type { RoleEntry } from "./role-entry.ts";
import type { ScopeNode } from "./scope-tree.ts";

export interface Subject {
  readonly id: string;
  readonly kind: "user" | "group";
  /** Home organization. */
  readonly org: string;
  readonly grants: Grant[];
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
  /** Position in node.grants, for O(1) removal. */
  slot: number;
}

export const isExpired = (grant: Grant, now: number): boolean =>
  grant.expiresAt !== 0 && grant.expiresAt <= now;

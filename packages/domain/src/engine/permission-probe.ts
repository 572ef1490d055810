// Answers `HoldsPermission` conditions: does the subject hold that permission at a scope covering the resource?
// Built only when a condition asks, so the unconditioned check path allocates nothing.

import type { PermissionProbe } from "./condition-eval.ts";
import type { Subject } from "./grant-entry.ts";
import type { ScopeNode } from "./scope-tree.ts";
import type { Snapshot } from "./snapshot.ts";
import { findHolding } from "./usable-grants.ts";

export const permissionProbe =
  (snap: Snapshot, subject: Subject, node: ScopeNode, now: number): PermissionProbe =>
  (permission) =>
    snap.catalog
      .variants(snap.catalog.action(permission))
      .some((e) => findHolding(snap, subject, node, e.bit, now) !== undefined);

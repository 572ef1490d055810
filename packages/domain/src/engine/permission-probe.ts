// Answers `HoldsPermission` conditions: does the subject hold that permission at a scope covering the resource?
// The grant found is recorded in the trace, so an explanation names everything an allow relied on.
import type { PermissionProbe } from "./condition-eval.ts";
import type { GrantView } from "./grant-view.ts";
import type { Path } from "./resource-path.ts";
import type { Snapshot } from "./snapshot.ts";
import type { Trace } from "./trace.ts";
import { findHolding } from "./usable-grants.ts";

export const permissionProbe =
  (snap: Snapshot, v: GrantView, path: Path, now: number, trace: Trace | null): PermissionProbe =>
  (permission) => {
    for (const e of snap.catalog.variants(snap.catalog.action(permission))) {
      const g = findHolding(snap, v, path, e.bit, now);
      if (g === undefined) continue;
      trace?.support(g);
      return true;
    }
    return false;
  };

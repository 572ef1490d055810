// Answers `HoldsPermission` conditions: does the subject hold that permission at a scope covering the resource?
// The grant found is recorded in the trace, so an explanation names everything an allow relied on.
import type { PermissionProbe } from "./condition-eval.ts";
import type { DecisionContext } from "./decision-context.ts";
import { findHolding } from "./usable-grants.ts";

const permissionProbe =
  (cx: DecisionContext): PermissionProbe =>
  (permission) => {
    const catalog = cx.snap.catalog;
    for (const e of catalog.variants(catalog.action(permission))) {
      const g = findHolding(cx, e.bit);
      if (g === undefined) continue;
      cx.trace?.support(g);
      return true;
    }
    return false;
  };

/** The context's probe, made on first use and kept, so evaluating a condition allocates nothing. */
export const probeOf = (cx: DecisionContext): PermissionProbe => {
  if (cx.probe === undefined) cx.probe = permissionProbe(cx);
  return cx.probe;
};

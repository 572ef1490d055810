// Applies a change notice's change on a node holding a partition: changes about other organizations are passed
// over, and a change that brings a subject new to the partition (a partner's first grant here) asks for a reload.
import type { Engine } from "@gatehouse/domain";
import { applyChange } from "@gatehouse/domain";
import type { Change } from "./changes.ts";
import { holds, type Partition } from "./partition.ts";

/** Whether `change` concerns the partition: apply it, pass over it, or reload (it needs rows not loaded). */
const verdict = (engine: Engine, partition: Partition, change: Change): "apply" | "pass" | "reload" => {
  const snapshot = engine.snapshot;
  switch (change.type) {
    case "user.added":
    case "group.added":
      return holds(partition, change.org) ? "apply" : "pass";
    case "member.added":
      // Members share their group's organization: a held group's users are loaded, a partner group's may not be.
      if (!snapshot.subjects.has(change.group)) return "pass";
      return snapshot.subjects.has(change.user) ? "apply" : "reload";
    case "grant.added":
      if (!holds(partition, change.grant.scope.org)) {
        // A grant moved out of the partition leaves it.
        snapshot.removeGrant(change.grant.id);
        return "pass";
      }
      return snapshot.subjects.has(change.grant.subject) ? "apply" : "reload";
    case "role.set":
      return change.org === undefined || holds(partition, change.org) ? "apply" : "pass";
    default:
      // Organizations' settings are a few bytes each; the rest applies only to what is loaded already.
      return "apply";
  }
};

/** Applies `change` as far as `partition` needs it; returns false when the caller must reload (as applyChange). */
export const applyChangeWithin = (engine: Engine, partition: Partition, change: Change): boolean => {
  if (partition.kind === "all") return applyChange(engine, change);
  const next = verdict(engine, partition, change);
  if (next === "reload") return false;
  return next === "pass" || applyChange(engine, change);
};

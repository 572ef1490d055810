// The decision for every action outside Feature Experimentation's granular layers:
// allow when one usable grant's role holds the action and its conditions pass, or a conjunction is met.

import type { ResourceAttributes } from "../model/resource.ts";
import type { ActionEntry } from "./compiled-catalog.ts";
import { type ConditionFailure, evaluateCondition, missFromFailure, PASS } from "./condition-eval.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import { permissionProbe } from "./permission-probe.ts";
import type { RoleEntry } from "./role-entry.ts";
import type { ScopeNode } from "./scope-tree.ts";
import type { Snapshot } from "./snapshot.ts";
import { Closeness, type Trace } from "./trace.ts";
import { findCountingAs, grantList, usable } from "./usable-grants.ts";

export const decideGeneric = (
  snap: Snapshot,
  subject: Subject,
  entry: ActionEntry,
  attrs: ResourceAttributes | undefined,
  node: ScopeNode,
  now: number,
  trace: Trace | null,
): boolean => {
  const bit = entry.bit;
  const word = bit >>> 5;
  const mask = 1 << (bit & 31);
  for (let k = -1; k < subject.groups.length; k++) {
    const list = grantList(subject, k);
    for (let i = 0; i < list.length; i++) {
      const g = list[i] as Grant;
      if (!usable(snap, g, node, now)) continue;
      if (((g.role.bits[word] as number) & mask) === 0) {
        trace?.miss(g, `${g.role.id} does not include ${entry.id}`, {}, Closeness.LacksAction);
        continue;
      }
      if (conditionsHold(snap, subject, entry, g, g.role, attrs, node, now, trace)) {
        if (trace) trace.deciding = [g];
        return true;
      }
    }
  }
  for (const clause of entry.conjunctions) {
    const found: Grant[] = [];
    for (const term of clause) {
      const g = findCountingAs(snap, subject, node, term, now);
      if (g === undefined) break;
      found.push(g);
    }
    if (found.length !== clause.length) {
      trace?.miss(
        found[0],
        `${entry.id} needs a role from each of ${describeClause(snap, clause)} together`,
        {},
        Closeness.LacksAction,
      );
      continue;
    }
    if (
      entry.condition === undefined ||
      holds(snap, subject, entry, found[0] as Grant, attrs, node, now, trace)
    ) {
      if (trace) trace.deciding = found;
      return true;
    }
  }
  trace?.miss(
    undefined,
    `no grant of ${subject.id} covering the resource holds ${entry.id}`,
    {},
    Closeness.NoGrant,
  );
  return false;
};

/** `role`'s condition for the action (if any) and the action's own condition (if any) both pass for grant `g`. */
export const conditionsHold = (
  snap: Snapshot,
  subject: Subject,
  entry: ActionEntry,
  g: Grant,
  role: RoleEntry,
  attrs: ResourceAttributes | undefined,
  node: ScopeNode,
  now: number,
  trace: Trace | null,
): boolean => {
  const roleCondition = role.conditions.size === 0 ? undefined : role.conditions.get(entry.bit);
  if (roleCondition !== undefined) {
    const why: { failure?: ConditionFailure } | undefined = trace ? {} : undefined;
    if (evaluateCondition(roleCondition, attrs, permissionProbe(snap, subject, node, now), why) !== PASS) {
      if (trace) missFromFailure(trace, g, why?.failure);
      return false;
    }
  }
  return entry.condition === undefined || holds(snap, subject, entry, g, attrs, node, now, trace);
};

const holds = (
  snap: Snapshot,
  subject: Subject,
  entry: ActionEntry,
  g: Grant,
  attrs: ResourceAttributes | undefined,
  node: ScopeNode,
  now: number,
  trace: Trace | null,
): boolean => {
  const why: { failure?: ConditionFailure } | undefined = trace ? {} : undefined;
  if (
    evaluateCondition(
      entry.condition as NonNullable<ActionEntry["condition"]>,
      attrs,
      permissionProbe(snap, subject, node, now),
      why,
    ) === PASS
  )
    return true;
  if (trace) missFromFailure(trace, g, why?.failure);
  return false;
};

const describeClause = (snap: Snapshot, clause: ReadonlyArray<ReadonlySet<number>>): string =>
  clause.map((term) => `[${[...term].map((i) => snap.catalog.roleList[i]?.id).join(" | ")}]`).join(", ");

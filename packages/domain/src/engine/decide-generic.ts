// The decision for every action outside Feature Experimentation's granular layers:
// allow when one usable grant's role holds the action and its conditions pass, or a conjunction is met.
import type { ResourceAttributes } from "../model/resource.ts";
import { GRANT_INTS } from "./check-index.ts";
import type { ActionEntry } from "./compiled-catalog.ts";
import { type ConditionFailure, evaluateCondition, missFromFailure, PASS } from "./condition-eval.ts";
import type { Grant } from "./grant-entry.ts";
import { type GrantView, grantAt, roleAt, usable } from "./grant-view.ts";
import { permissionProbe } from "./permission-probe.ts";
import type { Path } from "./resource-path.ts";
import type { RoleEntry } from "./role-entry.ts";
import type { Snapshot } from "./snapshot.ts";
import { Closeness, type Trace } from "./trace.ts";
import { findCountingAs } from "./usable-grants.ts";

export const decideGeneric = (
  snap: Snapshot,
  v: GrantView,
  entry: ActionEntry,
  attrs: ResourceAttributes | undefined,
  path: Path,
  now: number,
  trace: Trace | null,
): boolean => {
  const word = entry.bit >>> 5;
  const mask = 1 << (entry.bit & 31);
  for (let b = 0; b < v.end; b += GRANT_INTS) {
    const role = roleAt(snap, v, b);
    if (((role.bits[word] as number) & mask) === 0) {
      if (trace && usable(snap, v, b, path, now))
        trace.miss(grantAt(snap, v, b), `${role.id} does not include ${entry.id}`, {}, Closeness.LacksAction);
      continue;
    }
    if (!usable(snap, v, b, path, now)) continue;
    if (
      (role.conditions.size === 0 && entry.condition === undefined) ||
      conditionsHold(snap, v, entry, grantAt(snap, v, b), role, attrs, path, now, trace)
    ) {
      trace?.decide([grantAt(snap, v, b)]);
      return true;
    }
  }
  if (entry.conjunctions.length > 0 && conjunctionHolds(snap, v, entry, attrs, path, now, trace)) return true;
  trace?.miss(undefined, `no grant covering the resource holds ${entry.id}`, {}, Closeness.NoGrant);
  return false;
};

/** An action granted only by a combination of roles: every term needs a usable grant counting as one of its roles. */
const conjunctionHolds = (
  snap: Snapshot,
  v: GrantView,
  entry: ActionEntry,
  attrs: ResourceAttributes | undefined,
  path: Path,
  now: number,
  trace: Trace | null,
): boolean => {
  for (const clause of entry.conjunctions) {
    const found: Grant[] = [];
    for (const term of clause) {
      const g = findCountingAs(snap, v, path, term, now);
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
    if (actionConditionHolds(snap, v, entry, found[0] as Grant, attrs, path, now, trace)) {
      trace?.decide(found);
      return true;
    }
  }
  return false;
};

/** `role`'s condition for the action (if any) and the action's own condition (if any) both pass for grant `g`. */
export const conditionsHold = (
  snap: Snapshot,
  v: GrantView,
  entry: ActionEntry,
  g: Grant,
  role: RoleEntry,
  attrs: ResourceAttributes | undefined,
  path: Path,
  now: number,
  trace: Trace | null,
): boolean => {
  const roleCondition = role.conditions.size === 0 ? undefined : role.conditions.get(entry.bit);
  if (roleCondition !== undefined) {
    const why: { failure?: ConditionFailure } | undefined = trace ? {} : undefined;
    if (evaluateCondition(roleCondition, attrs, permissionProbe(snap, v, path, now, trace), why) !== PASS) {
      if (trace) missFromFailure(trace, g, why?.failure);
      return false;
    }
  }
  return actionConditionHolds(snap, v, entry, g, attrs, path, now, trace);
};

const actionConditionHolds = (
  snap: Snapshot,
  v: GrantView,
  entry: ActionEntry,
  g: Grant,
  attrs: ResourceAttributes | undefined,
  path: Path,
  now: number,
  trace: Trace | null,
): boolean => {
  if (entry.condition === undefined) return true;
  const why: { failure?: ConditionFailure } | undefined = trace ? {} : undefined;
  if (evaluateCondition(entry.condition, attrs, permissionProbe(snap, v, path, now, trace), why) === PASS)
    return true;
  if (trace) missFromFailure(trace, g, why?.failure);
  return false;
};

const describeClause = (snap: Snapshot, clause: ReadonlyArray<ReadonlySet<number>>): string =>
  clause.map((term) => `[${[...term].map((i) => snap.catalog.roleList[i]?.id).join(" | ")}]`).join(", ");

// The decision for every action outside Feature Experimentation's granular layers:
// allow when one usable grant's role holds the action and its conditions pass, or a conjunction is met.
import type { Condition } from "../catalog/condition.ts";
import { type ConditionFailure, evaluateCondition, missFromFailure, PASS } from "./condition-eval.ts";
import { type DecisionContext, grantAt, roleAt, roleIndexAt, usable } from "./decision-context.ts";
import type { Grant } from "./grant-entry.ts";
import { SUMMARY_INTS } from "./grant-summary.ts";
import { probeOf } from "./permission-probe.ts";
import type { RoleEntry } from "./role-entry.ts";
import { Closeness } from "./trace.ts";
import { findCountingAs } from "./usable-grants.ts";

export const decideGeneric = (cx: DecisionContext): boolean => {
  if (oneGrantAllows(cx, false)) return true;
  const { entry, trace } = cx;
  if (entry.conjunctions.length > 0 && conjunctionHolds(cx)) return true;
  trace?.miss(undefined, `no grant covering the resource holds ${entry.label}`, {}, Closeness.NoGrant);
  return false;
};

/**
 * Allows (and records the grant) when one usable grant's role holds the action and its conditions pass;
 * `singlesOnly` looks at single-permission grants alone (Feature checks, before the granular layers).
 */
export const oneGrantAllows = (cx: DecisionContext, singlesOnly: boolean): boolean => {
  const { entry, trace, grants } = cx;
  const catalog = cx.snap.catalog;
  const bit = entry.bit;
  for (let b = grants.first; b < grants.end; b += SUMMARY_INTS) {
    const role = roleIndexAt(cx, b);
    if (singlesOnly && !roleAt(cx, b).single) continue;
    if (!catalog.roleHolds(role, bit)) {
      // A role that is one term of a combination granting the action is explained by the combination's miss.
      if (trace && !singlesOnly && usable(cx, b) && !inConjunction(cx, role))
        trace.miss(
          grantAt(cx, b),
          `${roleAt(cx, b).label} does not include ${entry.label}`,
          {},
          Closeness.LacksAction,
        );
      continue;
    }
    if (usable(cx, b) && conditionsHoldAt(cx, b, roleAt(cx, b))) {
      trace?.decide([grantAt(cx, b)]);
      return true;
    }
  }
  return false;
};

/** Whether role `role` is a term of one of the action's combinations (Roles Admin for Create custom roles). */
const inConjunction = (cx: DecisionContext, role: number): boolean =>
  cx.entry.conjunctions.some((clause) => clause.some((term) => term.has(role)));

/** An action granted only by a combination of roles: every term needs a usable grant counting as one of its roles. */
const conjunctionHolds = (cx: DecisionContext): boolean => {
  const { entry, trace } = cx;
  for (const clause of entry.conjunctions) {
    const found: Grant[] = [];
    for (const term of clause) {
      const g = findCountingAs(cx, term);
      // Explaining, the terms held are gathered past a missing one: the nearest grant is a half held.
      if (g !== undefined) found.push(g);
      else if (trace === undefined) break;
    }
    if (found.length !== clause.length) {
      trace?.miss(
        found[0],
        `${entry.label} needs ${describeClause(cx, clause)} held where it applies`,
        {},
        Closeness.LacksAction,
      );
      continue;
    }
    if (entry.condition === undefined || conditionPasses(cx, entry.condition, found[0] as Grant)) {
      trace?.decide(found);
      return true;
    }
  }
  return false;
};

/** `conditionsHold` for gathered grant `b`, fetching its Grant object only when a condition is to be evaluated. */
export const conditionsHoldAt = (cx: DecisionContext, b: number, role: RoleEntry): boolean =>
  (role.conditions.size === 0 && cx.entry.condition === undefined) ||
  conditionsHold(cx, grantAt(cx, b), role);

/** `role`'s condition for the action (if any) and the action's own condition (if any) both pass for grant `g`. */
const conditionsHold = (cx: DecisionContext, g: Grant, role: RoleEntry): boolean => {
  const condition = cx.entry.condition;
  const roleCondition = role.conditions.size === 0 ? undefined : role.conditions.get(cx.entry.bit);
  return (
    (roleCondition === undefined || conditionPasses(cx, roleCondition, g)) &&
    (condition === undefined || conditionPasses(cx, condition, g))
  );
};

/** Evaluates one condition for grant `g`; a failure becomes the trace's near miss. */
const conditionPasses = (cx: DecisionContext, condition: Condition, g: Grant): boolean => {
  const why: { failure?: ConditionFailure } | undefined = cx.trace ? {} : undefined;
  if (evaluateCondition(condition, cx.attrs, probeOf(cx), why) === PASS) return true;
  if (cx.trace) missFromFailure(cx.trace, g, why?.failure);
  return false;
};

const describeClause = (cx: DecisionContext, clause: ReadonlyArray<ReadonlySet<number>>): string =>
  clause
    .map((term) => {
      const labels = [...term].map((i) => cx.snap.catalog.roleList[i]?.label ?? "");
      return labels.length === 1 ? (labels[0] ?? "") : `one of ${labels.join(", ")}`;
    })
    .join(" together with ");

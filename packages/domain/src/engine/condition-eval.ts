// Evaluates a condition against a resource's attributes and the subject's other grants.
// Outcomes are pass, fail or missing; missing fails closed and names the attribute.
import { type Condition, describeCondition } from "../catalog/condition.ts";
import type { ResourceAttributes } from "../model/resource.ts";
import type { Trace } from "./trace.ts";

export const PASS = 0;
export const FAIL = 1;
export const MISSING = 2;
export type Outcome = typeof PASS | typeof FAIL | typeof MISSING;

/** Answers "does the subject also hold this permission here?" for `HoldsPermission`. */
export type PermissionProbe = (permission: string) => boolean;

const NO_ATTRS: ResourceAttributes = {};

export interface ConditionFailure {
  readonly outcome: Outcome;
  readonly condition: string;
  readonly attribute: string | undefined;
}

/** Evaluates `c`; on a non-pass it fills `why` (when given) with the failing part. */
export const evaluateCondition = (
  c: Condition,
  attrs: ResourceAttributes | undefined,
  holds: PermissionProbe,
  why?: { failure?: ConditionFailure },
): Outcome => {
  const a = (attrs ?? NO_ATTRS) as Record<string, unknown>;
  switch (c._tag) {
    case "AttrIs": {
      const v = a[c.attr];
      if (v === undefined) return record(why, MISSING, c, c.attr);
      return v === c.value ? PASS : record(why, FAIL, c, undefined);
    }
    case "AttrIn": {
      const v = a[c.attr];
      if (v === undefined) return record(why, MISSING, c, c.attr);
      return c.values.includes(v as string | boolean) ? PASS : record(why, FAIL, c, undefined);
    }
    case "AnyOf": {
      let worst: Outcome = FAIL;
      let firstWhy: { failure?: ConditionFailure } | undefined;
      for (const sub of c.of) {
        const inner = why ? {} : undefined;
        const o = evaluateCondition(sub, attrs, holds, inner);
        if (o === PASS) return PASS;
        if (firstWhy === undefined || (o === MISSING && worst !== MISSING)) {
          firstWhy = inner;
          worst = o;
        }
      }
      if (why && firstWhy?.failure) why.failure = { ...firstWhy.failure, condition: describeCondition(c) };
      return worst;
    }
    case "AllOf": {
      for (const sub of c.of) {
        const o = evaluateCondition(sub, attrs, holds, why);
        if (o !== PASS) return o;
      }
      return PASS;
    }
    case "WhenAttr":
      return a[c.attr] === c.value ? evaluateCondition(c.then, attrs, holds, why) : PASS;
    case "HoldsPermission":
      return holds(c.permission) ? PASS : record(why, FAIL, c, undefined);
  }
};

const record = (
  why: { failure?: ConditionFailure } | undefined,
  outcome: Outcome,
  c: Condition,
  attribute: string | undefined,
): Outcome => {
  if (why) why.failure = { outcome, condition: describeCondition(c), attribute };
  return outcome;
};

/** Writes a condition failure into a trace as the near miss of `grant`. */
export const missFromFailure = (
  trace: Trace,
  grant: Parameters<Trace["miss"]>[0],
  failure: ConditionFailure | undefined,
): void => {
  if (failure === undefined) trace.miss(grant, "a condition failed");
  else if (failure.outcome === MISSING)
    trace.miss(grant, `the resource does not carry the attribute "${failure.attribute}" (fails closed)`, {
      condition: failure.condition,
      ...(failure.attribute ? { attribute: failure.attribute } : {}),
    });
  else
    trace.miss(grant, `condition not met: allowed only when ${failure.condition}`, {
      condition: failure.condition,
    });
};

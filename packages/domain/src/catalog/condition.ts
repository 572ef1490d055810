// Conditions a role's permission (or an action itself) attaches to a decision, as plain data.
// Data, not closures, so the engine can both evaluate them and explain which one failed.
import type { ActionId } from "../model/ids.ts";

/** Resource attributes the model knows (spec section 4). */
export type AttributeName =
  | "production"
  | "flagStatus"
  | "rulesetPublished"
  | "flagHasExperiment"
  | "changeKind"
  | "assignedToSubject"
  | "sharedWithSubject"
  | "platform"
  | "usedBy";

export type AttributeValue = string | boolean;

/**
 * - `AttrIs` / `AttrIn`: the attribute must be present and match; a missing attribute fails closed.
 * - `WhenAttr`: an optional attribute; only when present and equal to `value` must `then` hold.
 * - `HoldsPermission`: the subject must also hold this single permission at a scope covering the resource.
 */
export type Condition =
  | { readonly _tag: "AttrIs"; readonly attr: AttributeName; readonly value: AttributeValue }
  | { readonly _tag: "AttrIn"; readonly attr: AttributeName; readonly values: ReadonlyArray<AttributeValue> }
  | { readonly _tag: "AnyOf"; readonly of: ReadonlyArray<Condition> }
  | { readonly _tag: "AllOf"; readonly of: ReadonlyArray<Condition> }
  | {
      readonly _tag: "WhenAttr";
      readonly attr: AttributeName;
      readonly value: AttributeValue;
      readonly then: Condition;
    }
  | { readonly _tag: "HoldsPermission"; readonly permission: ActionId };

export const attrIs = (attr: AttributeName, value: AttributeValue): Condition => ({
  _tag: "AttrIs",
  attr,
  value,
});
export const attrIn = (attr: AttributeName, values: ReadonlyArray<AttributeValue>): Condition => ({
  _tag: "AttrIn",
  attr,
  values,
});
export const anyOf = (...of: ReadonlyArray<Condition>): Condition => ({ _tag: "AnyOf", of });
export const allOf = (...of: ReadonlyArray<Condition>): Condition => ({ _tag: "AllOf", of });
export const whenAttr = (attr: AttributeName, value: AttributeValue, then: Condition): Condition => ({
  _tag: "WhenAttr",
  attr,
  value,
  then,
});
export const holdsPermission = (permission: ActionId): Condition => ({ _tag: "HoldsPermission", permission });

/** Human text for a condition, used by explanations and the "Why?" panel. */
export const describeCondition = (c: Condition): string => {
  switch (c._tag) {
    case "AttrIs":
      return `${c.attr} is ${String(c.value)}`;
    case "AttrIn":
      return `${c.attr} is one of ${c.values.map(String).join(", ")}`;
    case "AnyOf":
      return c.of.map(describeCondition).join(" or ");
    case "AllOf":
      return c.of.map(describeCondition).join(" and ");
    case "WhenAttr":
      return `when ${c.attr} is ${String(c.value)}: ${describeCondition(c.then)}`;
    case "HoldsPermission":
      return `holds the permission ${c.permission}`;
  }
};

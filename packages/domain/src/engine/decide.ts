// One decision, start to finish: a subject none of whose roles may allow the action, or a deactivated one, is denied; else
// pick the action's variant for the resource, gather the subject's grants over its path, then apply the generic, Feature
// or audience rule.
import type { Resource } from "../model/resource.ts";
import type { CheckIndex } from "./check-index.ts";
import type { ActionEntry, ActionRef } from "./compiled-catalog.ts";
import { DEACTIVATED_REASON } from "./deactivation.ts";
import { decideAudience } from "./decide-audience.ts";
import { decideFeature } from "./decide-feature.ts";
import { decideGeneric } from "./decide-generic.ts";
import type { DecisionContext } from "./decision-context.ts";
import type { Subject } from "./grant-entry.ts";
import { NOWHERE } from "./impossible-grant.ts";
import { readResourcePath } from "./resource-path.ts";
import { Closeness } from "./trace.ts";

/** The variant of an action that applies to the resource; Experimentation picks by `platform`. */
export const variantFor = (ref: ActionRef, resource: Resource): ActionEntry | undefined => {
  if (ref.plain !== undefined) return ref.plain;
  const platform = resource.attrs?.platform;
  if (platform === "web") return ref.web;
  if (platform === "feature") return ref.feature;
  return ref.web === undefined ? ref.feature : ref.feature === undefined ? ref.web : undefined;
};

/**
 * Answers the question `cx` was asked (see `DecisionContext.ask`). Most checks are denied by the first test, which reads
 * nothing but the subject's slot: no role of the subject's may allow the action anywhere. An explanation goes on, to say
 * why. Inside `decideEach` the subject's flags, the path and the grants were read already, for every action.
 */
export const decide = (cx: DecisionContext): boolean => {
  const { ref, resource, trace } = cx;
  if (trace === null && !reaches(cx, ref)) return false;
  const again = cx.sameResource;
  if (!again && !subjectMayAct(cx)) return false;
  const entry = variantFor(ref, resource);
  if (entry === undefined) {
    const missing = resource.attrs?.platform === undefined;
    trace?.miss(
      undefined,
      missing
        ? `the resource does not carry the attribute "platform" (fails closed)`
        : `${ref.id} does not exist on ${resource.attrs?.platform} projects`,
      missing ? { attribute: "platform" } : {},
      Closeness.NoGrant,
    );
    return false;
  }
  if (!ref.spansProducts && resource.product !== ref.product) {
    trace?.miss(
      undefined,
      `${ref.id} applies to ${ref.product} resources, not to ${resource.product ?? "an organization"}`,
      {},
      Closeness.NoGrant,
    );
    return false;
  }
  // A trace asks first, to say why; the check path asks only before an allow (most checks are denied by the rules).
  if (trace !== null && !productEnabled(cx)) {
    trace.miss(undefined, `${resource.org} has not enabled ${resource.product}`, {}, Closeness.NoGrant);
    return false;
  }
  cx.entry = entry;
  if (!again) cx.gatherGrants();
  const allowed =
    entry.layer === "audience"
      ? decideAudience(cx)
      : entry.layer === undefined
        ? decideGeneric(cx)
        : decideFeature(cx);
  return allowed && (trace !== null || productEnabled(cx));
};

/**
 * `decide` of each of `refs` on the resource `cx` is about, into `out` (no trace): the subject's flags and the
 * resource's path are read, and its grants gathered, once for all of them (`cx.sameResource` while they are decided).
 */
export const decideEach = (cx: DecisionContext, refs: ReadonlyArray<ActionRef>, out: boolean[]): void => {
  if (!subjectMayAct(cx)) {
    for (let i = 0; i < refs.length; i++) out.push(false);
    return;
  }
  cx.gatherGrants();
  cx.sameResource = true;
  try {
    for (const ref of refs) {
      cx.ref = ref;
      out.push(decide(cx));
    }
  } finally {
    cx.sameResource = false;
  }
};

/** The subject is active and the resource's path well formed (read into `cx.path`); else why not, in the trace. */
const subjectMayAct = (cx: DecisionContext): boolean => {
  const { resource, trace } = cx;
  if (cx.snap.index.deactivated(cx.slot)) {
    trace?.miss(undefined, DEACTIVATED_REASON, {}, Closeness.Deactivated);
    return false;
  }
  if (readResourcePath(resource, cx.path) < 0) {
    trace?.miss(undefined, NOWHERE, {}, Closeness.NoGrant);
    return false;
  }
  return true;
};

/** Whether the subject's roles or its groups' reach the action's group (see action-reach.ts): if not, none allows it. */
const reaches = (cx: DecisionContext, ref: ActionRef): boolean => {
  const { slot, inGroups } = cx;
  const index = cx.snap.index;
  const reach = inGroups ? reachWithGroups(index, slot, ref.reachAt) : index.reach(slot, ref.reachAt);
  return (reach & ref.reach) !== 0;
};

/** The reach of a member of groups, apart so that the check path of one in no group stays small enough to inline. */
const reachWithGroups = (index: CheckIndex, slot: number, at: number): number => {
  let reach = index.reach(slot, at);
  for (const group of (index.owners[slot] as Subject).groups) reach |= index.reach(group.slot, at);
  return reach;
};

/** The resource's organization has enabled its product (an organization-level resource has none to enable). */
const productEnabled = ({ resource, snap }: DecisionContext): boolean =>
  resource.product === undefined || snap.productEnabled(resource.org, resource.product);

// One decision, start to finish: a deactivated subject is denied; else pick the action's variant for the resource,
// gather the subject's grants over the resource's path, then apply the generic, Feature or audience rule.
import type { Resource } from "../model/resource.ts";
import { DEACTIVATED } from "./check-index.ts";
import type { ActionEntry, ActionRef } from "./compiled-catalog.ts";
import { DEACTIVATED_REASON } from "./deactivation.ts";
import { decideAudience } from "./decide-audience.ts";
import { decideFeature } from "./decide-feature.ts";
import { decideGeneric } from "./decide-generic.ts";
import type { DecisionContext } from "./decision-context.ts";
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

/** Answers the question `cx` was asked (see `DecisionContext.ask`). */
export const decide = (cx: DecisionContext): boolean => {
  const { ref, resource, trace } = cx;
  if ((cx.snap.index.flags(cx.slot) & DEACTIVATED) !== 0) {
    trace?.miss(undefined, DEACTIVATED_REASON, {}, Closeness.Deactivated);
    return false;
  }
  if (readResourcePath(resource, cx.path) < 0) {
    trace?.miss(undefined, NOWHERE, {}, Closeness.NoGrant);
    return false;
  }
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
  cx.gatherGrants();
  const allowed =
    entry.layer === "audience"
      ? decideAudience(cx)
      : entry.layer === undefined
        ? decideGeneric(cx)
        : decideFeature(cx);
  return allowed && (trace !== null || productEnabled(cx));
};

/** The resource's organization has enabled its product (an organization-level resource has none to enable). */
const productEnabled = ({ resource, snap }: DecisionContext): boolean =>
  resource.product === undefined || snap.productEnabled(resource.org, resource.product);

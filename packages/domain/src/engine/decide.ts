// One decision, start to finish: pick the action's variant for the resource, find the resource's node,
// then hand over to the generic or the Feature Experimentation rule. `trace` is null on the check path.
import type { Resource } from "../model/resource.ts";
import type { ActionEntry, ActionRef } from "./compiled-catalog.ts";
import { decideFeature } from "./decide-feature.ts";
import { decideGeneric } from "./decide-generic.ts";
import type { FeaturePolicy } from "./feature-policy.ts";
import type { Subject } from "./grant-entry.ts";
import type { Snapshot } from "./snapshot.ts";
import { Closeness, type Trace } from "./trace.ts";

/** Admin Center actions apply to the scopes of the products they administer. */
export const ADMIN_CENTER = "admin-center";

/** The variant of an action that applies to the resource; Experimentation picks by `platform`. */
export const variantFor = (ref: ActionRef, resource: Resource): ActionEntry | undefined => {
  if (ref.plain !== undefined) return ref.plain;
  const platform = resource.attrs?.platform;
  if (platform === "web") return ref.web;
  if (platform === "feature") return ref.feature;
  return ref.web === undefined ? ref.feature : ref.feature === undefined ? ref.web : undefined;
};

export const decide = (
  snap: Snapshot,
  policy: FeaturePolicy,
  subject: Subject,
  ref: ActionRef,
  resource: Resource,
  now: number,
  trace: Trace | null,
): boolean => {
  const entry = variantFor(ref, resource);
  if (entry === undefined) {
    const exists = resource.attrs?.platform === undefined;
    trace?.miss(
      undefined,
      exists
        ? `the resource does not carry the attribute "platform" (fails closed)`
        : `${ref.id} does not exist on ${resource.attrs?.platform} projects`,
      exists ? { attribute: "platform" } : {},
      Closeness.NoGrant,
    );
    return false;
  }
  if (ref.product !== ADMIN_CENTER && resource.product !== ref.product) {
    trace?.miss(
      undefined,
      `${ref.id} applies to ${ref.product} resources, not to ${resource.product ?? "an organization"}`,
      {},
      Closeness.NoGrant,
    );
    return false;
  }
  if (resource.product !== undefined && !snap.productEnabled(resource.org, resource.product)) {
    trace?.miss(undefined, `${resource.org} has not enabled ${resource.product}`, {}, Closeness.NoGrant);
    return false;
  }
  const node = snap.tree.deepest(resource);
  if (node === undefined) {
    trace?.miss(undefined, `no grant exists in organization ${resource.org}`, {}, Closeness.NoGrant);
    return false;
  }
  return entry.layer === undefined
    ? decideGeneric(snap, subject, entry, resource.attrs, node, now, trace)
    : decideFeature(snap, policy, subject, entry, resource.attrs, node, now, trace);
};

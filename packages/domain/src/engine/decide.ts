// One decision, start to finish: pick the action's variant for the resource, read the resource's path,
// gather the subject's grants, then apply the generic or the Feature Experimentation rule.
import type { Resource } from "../model/resource.ts";
import type { ActionEntry, ActionRef } from "./compiled-catalog.ts";
import { decideFeature } from "./decide-feature.ts";
import { decideGeneric } from "./decide-generic.ts";
import type { FeaturePolicy } from "./feature-policy.ts";
import { GrantView } from "./grant-view.ts";
import { hashPrefixes } from "./path-hash.ts";
import { type Path, readPath } from "./resource-path.ts";
import type { Snapshot } from "./snapshot.ts";
import { Closeness, type Trace } from "./trace.ts";

/** Admin Center actions apply to the scopes of the products they administer. */
export const ADMIN_CENTER = "admin-center";

/** Decisions are synchronous and never interleave, so one path and one view serve all of them. */
const scratchPath: Path = new Array(6);
const scratchView = new GrantView();

/** The variant of an action that applies to the resource; Experimentation picks by `platform`. */
export const variantFor = (ref: ActionRef, resource: Resource): ActionEntry | undefined => {
  if (ref.plain !== undefined) return ref.plain;
  const platform = resource.attrs?.platform;
  if (platform === "web") return ref.web;
  if (platform === "feature") return ref.feature;
  return ref.web === undefined ? ref.feature : ref.feature === undefined ? ref.web : undefined;
};

/** Decides for the subject in CheckIndex slot `slot`. */
export const decide = (
  snap: Snapshot,
  policy: FeaturePolicy,
  slot: number,
  ref: ActionRef,
  resource: Resource,
  now: number,
  trace: Trace | null,
): boolean => {
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
  const path = readPath(resource, scratchPath);
  const v = scratchView;
  v.gather(snap.index, slot);
  hashPrefixes(path, v.hashes, v.maxDepth);
  return entry.layer === undefined
    ? decideGeneric(snap, v, entry, resource.attrs, path, now, trace)
    : decideFeature(snap, policy, v, entry, resource.attrs, path, now, trace);
};

// Every action one subject may perform on one resource, in catalog order: the actions of the resource's product
// and Admin Center's, each decided as `allows` decides it. Engine.whatCan and what-if's overlay both answer with it.
import type { Resource } from "../model/resource.ts";
import { ADMIN_CENTER, decide, variantFor } from "./decide.ts";
import type { FeaturePolicy } from "./feature-policy.ts";
import type { Subject } from "./grant-entry.ts";
import type { Snapshot } from "./snapshot.ts";

export const actionsAllowed = (
  snap: Snapshot,
  policy: FeaturePolicy,
  subject: Subject,
  resource: Resource,
  now: number,
): Array<string> => {
  const out: string[] = [];
  for (const ref of snap.catalog.actions.values()) {
    if (ref.product !== resource.product && ref.product !== ADMIN_CENTER) continue;
    if (variantFor(ref, resource) === undefined) continue;
    if (decide(snap, policy, subject.slot, ref, resource, now, null)) out.push(ref.id);
  }
  return out;
};

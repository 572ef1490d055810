// Every action one subject may perform on one resource, in catalog order: the actions of the resource's product
// and those spanning every product (Admin Center's), each decided as `allows` decides it; whatCan and what-if use it.
import type { Resource } from "../model/resource.ts";
import { decide, variantFor } from "./decide.ts";
import type { DecisionContext } from "./decision-context.ts";
import type { Subject } from "./grant-entry.ts";

/** Decides with `cx` (the live engine's context, or an overlay's), for `subject` of its snapshot. */
export const actionsAllowed = (
  cx: DecisionContext,
  subject: Subject,
  resource: Resource,
  now: number,
): Array<string> => {
  const out: string[] = [];
  for (const ref of cx.snap.catalog.actions.values()) {
    if (ref.product !== resource.product && !ref.spansProducts) continue;
    if (variantFor(ref, resource) === undefined) continue;
    if (decide(cx.ask(subject.slot, ref, resource, now, null))) out.push(ref.id);
  }
  return out;
};

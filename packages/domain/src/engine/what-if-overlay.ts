// The copy-on-write overlay a what-if is answered on: a scratch snapshot over the live one's catalog and
// organization settings (shared) holding copies of only the subjects a change to one subject's grants can affect.
import type { Subject } from "./grant-entry.ts";
import { inputOf } from "./grant-input.ts";
import { Snapshot } from "./snapshot.ts";

/**
 * The holders whose grants decide for anyone a change to `subject`'s grants reaches: a user and its groups; a
 * group, its members and each member's groups. Nobody else's decisions read `subject`'s grants.
 */
const holdersFor = (subject: Subject): ReadonlySet<Subject> => {
  const holders = new Set<Subject>([subject]);
  for (const user of subject.kind === "user" ? [subject] : subject.members) {
    holders.add(user);
    for (const group of user.groups) holders.add(group);
  }
  return holders;
};

/**
 * A snapshot deciding for `subject` (and, for a group, its members) exactly as `live` does, writable without
 * touching `live`: the affected holders, their memberships and grants are copied in their live order; the catalog
 * and organization settings are `live`'s own, read through.
 */
export const overlayFor = (live: Snapshot, subject: Subject): Snapshot => {
  const overlay = new Snapshot(live);
  const holders = holdersFor(subject);
  overlay.batch(() => {
    for (const h of holders)
      if (h.kind === "user") {
        overlay.addUser(h.id, h.org);
        overlay.setDeactivated(h.id, h.deactivated);
      } else overlay.addGroup(h.id, h.org);
    for (const h of holders) for (const group of h.groups) overlay.addMember(group.id, h.id);
    for (const h of holders) for (const g of h.grants) overlay.addGrant(inputOf(live, g));
  });
  return overlay;
};

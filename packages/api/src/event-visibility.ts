// What of a committed change a subscriber of /events may read: each change kind is judged by the question its
// list procedure asks (read-questions.ts); the changes it may not read become one content-free "changed" entry.
import type { Engine } from "@gatehouse/domain";
import type { Change, FeedEvent } from "@gatehouse/store";
import type { Actor } from "./context.ts";
import type { Followed } from "./followed-customers.ts";
import { allowed, type CheckQuestion, viewPeopleAt } from "./read-questions.ts";

/** In place of the changes a subscriber may not read: something changed in its organization, nothing more. */
export interface Unreadable {
  readonly type: "changed";
  readonly scope: { readonly org: string };
}

/** What one event tells one subscriber. */
export interface VisibleEvent {
  readonly audit: string;
  readonly changes: ReadonlyArray<Change | Unreadable>;
}

/**
 * Which users of the event's organization may read a change as it is (its API keys and the operator read
 * everything, as in the procedures): every member, nobody, or whom the engine allows the procedure's question
 * (and the subject a grant is given to).
 */
type Readers = "members" | "nobody" | { readonly asked: CheckQuestion; readonly subject?: string };

const readersOf = (change: Change, org: string): Readers => {
  switch (change.type) {
    // organizations.mine: the organization's own kind and products.
    case "org.set":
      return change.org === org ? "members" : "nobody";
    // roles.list and roles.get: system roles and the organization's custom roles. A resync says nothing.
    case "role.set":
    case "role.removed":
    case "resync":
      return "members";
    // grants.list at the grant's scope; users.get of oneself (its subject).
    case "grant.added":
      return { asked: viewPeopleAt(change.grant.scope), subject: change.grant.subject };
    // users.list and groups.list of the organization.
    case "user.added":
    case "group.added":
      return { asked: viewPeopleAt({ org: change.org }) };
    // Users, groups, members and grants of the organization (the notice has no narrower scope); an account's status.
    case "user.deactivated":
    case "user.reactivated":
    case "subject.removed":
    case "member.added":
    case "member.removed":
    case "grant.removed":
      return { asked: viewPeopleAt({ org }) };
  }
};

/**
 * Whether `event` is any of `actor`'s business: its own organization's, a customer its stream follows as a
 * partner's user (followed-customers.ts), or anything for the operator.
 */
export const concerns = (actor: Actor, event: FeedEvent, followed?: Followed): boolean =>
  actor.kind === "operator" ||
  event.org === actor.org ||
  (event.org !== null && followed?.has(event.org) === true);

/**
 * The part of `event` that `actor` may read, or undefined when the event is none of its business (another
 * organization's, not followed). Judged with the engine as it is now, as a procedure called now would be. A
 * partner's user reads a customer's change only where it may read it there (or it names the user itself), never
 * what every member reads (the customer's products, its custom roles).
 */
export const visibleEvent = (
  engine: Engine,
  actor: Actor,
  event: FeedEvent,
  followed?: Followed,
): VisibleEvent | undefined => {
  if (!concerns(actor, event, followed)) return undefined;
  const whole: VisibleEvent = { audit: event.audit, changes: event.changes };
  if (actor.kind !== "user") return whole;
  const org = event.org ?? actor.org;
  const member = org === actor.org;
  const readable = (change: Change): boolean => {
    const readers = readersOf(change, org);
    if (readers === "members" || readers === "nobody") return member && readers === "members";
    return readers.subject === actor.id || allowed(engine, actor.id, readers.asked);
  };
  // A followed customer's change that moves nothing the engine holds (a sign-in, a flag's status) is its own.
  if (!member && event.changes.length === 0) return undefined;
  const shown = event.changes.filter(readable);
  if (shown.length === event.changes.length) return whole;
  return { audit: event.audit, changes: [...shown, { type: "changed", scope: { org } }] };
};

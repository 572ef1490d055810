// The customers whose changes a partner user's /events stream follows besides its own organization's: each it
// holds a role in when the stream opens or comes to hold one later, until the event that takes its last role there.
import type { Engine } from "@gatehouse/domain";
import type { FeedEvent } from "@gatehouse/store";
import type { Actor } from "./context.ts";

/** The organizations a stream follows as a guest (a mutable set it grows), or undefined for any other actor. */
export type Followed = Set<string> | undefined;

/** For a user of a partner organization, the customers it holds roles in now; undefined for anyone else. */
export const followedAtStart = (engine: Engine, actor: Actor): Followed => {
  if (actor.kind !== "user" || engine.snapshot.org(actor.org).kind !== "partner") return undefined;
  const orgs = new Set(engine.grantOrgs(actor.id));
  orgs.delete(actor.org);
  return orgs;
};

/** Whether `event`, of an organization not yet followed, may give the user a role there (a grant or a membership). */
export const mayStartFollowing = (followed: Followed, event: FeedEvent): boolean =>
  followed !== undefined &&
  event.org !== null &&
  event.changes.some((change) => change.type === "grant.added" || change.type === "member.added");

/** After such an event was applied: whether the user now holds a role in its organization (then followed). */
export const startsFollowing = (
  engine: Engine,
  actor: Actor,
  followed: Followed,
  event: FeedEvent,
): boolean => {
  if (followed === undefined || event.org === null || actor.kind !== "user") return false;
  if (!engine.grantOrgs(actor.id).has(event.org)) return false;
  followed.add(event.org);
  return true;
};

/**
 * After an event of a followed customer was judged: the user stops following it once it holds no role there any
 * more (that event, its loss, was the last it hears of that customer).
 */
export const stopsFollowing = (engine: Engine, actor: Actor, followed: Followed, event: FeedEvent): void => {
  if (followed === undefined || event.org === null || actor.kind !== "user" || !followed.has(event.org))
    return;
  if (!engine.grantOrgs(actor.id).has(event.org)) followed.delete(event.org);
};

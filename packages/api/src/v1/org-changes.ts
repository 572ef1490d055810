// What one change notice tells a decision point of one organization (GET /v1/changes): the changes its snapshot
// holds, a reload when a change may concern it but cannot be told safely, or only the notice's audit position.
import type { Change } from "@gatehouse/domain";
import type { FeedEvent } from "@gatehouse/store";

/** Another organization's subjects the organization's snapshot may hold, and their organizations (mutable). */
export interface KnownPartners {
  readonly subjects: Set<string>;
  readonly orgs: Set<string>;
}

/** What the stream sends for one feed event. */
export type OrgStreamItem =
  | { readonly kind: "change"; readonly changes: ReadonlyArray<Change> }
  | { readonly kind: "reload" }
  | { readonly kind: "position" };

type Verdict = "send" | "reload" | "skip";

/** Whose the notice is: the organization's own audit row, or a known partner's or the platform's (org null). */
interface EventSource {
  readonly org: string;
  readonly ownEvent: boolean;
  readonly partnerEvent: boolean;
  readonly known: KnownPartners;
}

/**
 * One change's verdict for the organization's snapshot. Data leaves only when it provably belongs to the
 * organization (its id, its scope or its own audit row); a change of another organization's event naming a
 * partner subject or organization the snapshot holds asks for a reload.
 */
const verdictOf = ({ org, ownEvent, partnerEvent, known }: EventSource, change: Change): Verdict => {
  const partnerSubject = (...ids: ReadonlyArray<string>) => ids.some((id) => known.subjects.has(id));
  switch (change.type) {
    case "org.set":
      if (change.org === org) return "send";
      return known.orgs.has(change.org) ? "reload" : "skip";
    case "user.added":
    case "group.added":
      // A subject new to another organization holds no grant here yet.
      return change.org === org ? "send" : "skip";
    case "grant.added":
      return change.grant.scope.org === org ? "send" : "skip";
    case "role.set":
      if (change.org === undefined) return ownEvent ? "send" : "skip";
      return change.org === org ? "send" : "skip";
    case "role.removed":
      return ownEvent ? "send" : "skip";
    case "user.deactivated":
    case "user.reactivated":
      if (ownEvent) return "send";
      return partnerSubject(change.user) ? "reload" : "skip";
    case "subject.removed":
      if (ownEvent) return "send";
      return partnerSubject(change.subject) ? "reload" : "skip";
    case "member.added":
    case "member.removed":
      if (ownEvent) return "send";
      return partnerSubject(change.group, change.user) ? "reload" : "skip";
    case "grant.removed":
      // Only the id: a removal audited by a partner (or the platform) might be of a grant held here.
      if (ownEvent) return "send";
      return partnerEvent ? "reload" : "skip";
    case "resync":
      return "reload";
  }
};

/**
 * What to send `org`'s decision point for `event`: its changes that belong to the organization, a reload, or the
 * bare position. `isOwn(subject)` says whether a subject belongs to the organization; a grant given here to any
 * other subject adds it to `known` (so its later changes ask for a reload).
 */
export const orgStreamItem = (
  org: string,
  known: KnownPartners,
  isOwn: (subject: string) => boolean,
  event: FeedEvent,
): OrgStreamItem => {
  const source: EventSource = {
    org,
    ownEvent: event.org === org,
    partnerEvent: event.org === null || known.orgs.has(event.org),
    known,
  };
  const sent: Array<Change> = [];
  for (const change of event.changes) {
    const verdict = verdictOf(source, change);
    if (verdict === "reload") return { kind: "reload" };
    if (verdict === "send") sent.push(change);
  }
  for (const change of sent)
    if (change.type === "grant.added" && !isOwn(change.grant.subject))
      known.subjects.add(change.grant.subject);
  return sent.length > 0 ? { kind: "change", changes: sent } : { kind: "position" };
};

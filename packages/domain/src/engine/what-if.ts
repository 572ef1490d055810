// What-if: the actions a subject (and, for a group, each member) would gain and lose on given resources if one of
// its grants changed (a new grant, an edited one, a removed one), answered on an overlay: nothing live is written.
import { GrantNotHeld, ImpossibleGrant, InvalidScope, UnknownGrant } from "../model/errors.ts";
import type { Resource } from "../model/resource.ts";
import { type Scope, sameScope, scopeCovers, scopeDepth } from "../model/scope.ts";
import { DecisionContext } from "./decision-context.ts";
import type { Subject } from "./grant-entry.ts";
import { inputOf } from "./grant-input.ts";
import { impossibleGrant } from "./impossible-grant.ts";
import { type GrantInput, type SetAsideGrant, Snapshot } from "./snapshot.ts";
import { actionsAllowed } from "./what-can.ts";
import { overlayFor } from "./what-if-overlay.ts";

/** What a grant gives: a role, or one single permission (an action id). */
type Gives = { readonly role: string } | { readonly permission: string };

/**
 * One change to a subject's grants: a new grant; a stored grant with a new role or permission, scope or expiry
 * (each kept when not given; `expiresAt: null` makes it never expire); or a stored grant removed.
 */
export type GrantChange =
  | ({ readonly kind: "create"; readonly scope: Scope; readonly expiresAt?: number } & Gives)
  | ({
      readonly kind: "update";
      readonly grant: string;
      readonly scope?: Scope;
      readonly expiresAt?: number | null;
    } & (
      | { readonly role?: string; readonly permission?: never }
      | { readonly permission?: string; readonly role?: never }
    ))
  | { readonly kind: "remove"; readonly grant: string };

/** What one subject may newly do (`gained`) and no longer do (`lost`) on one resource, in catalog order. */
export interface ActionsDiff {
  readonly resource: Resource;
  readonly gained: ReadonlyArray<string>;
  readonly lost: ReadonlyArray<string>;
}

export interface SubjectDiff {
  readonly subject: string;
  /**
   * One diff per resource asked about, in the order given. Each action is told once, at the widest resource that
   * gains (loses) it: a resource within another one asked about lists only what that one does not already list.
   */
  readonly resources: ReadonlyArray<ActionsDiff>;
}

export interface WhatIf extends SubjectDiff {
  /** For a group, each member's diff (sorted by id): what the change means for the people in it. */
  readonly members: ReadonlyArray<SubjectDiff>;
}

/** The id a new grant has on the overlay: stored ids hold no NUL, so it never replaces one. */
const NEW_GRANT = "\u0000what-if";
/** The id of a person who has no account yet (inviting): no stored id holds a NUL. */
const NEWCOMER = "\u0000newcomer";

/** A new grant: a role or one single permission at a scope. */
export type NewGrant = { readonly scope: Scope } & Gives;

const givesOf = (g: Gives): Gives => ("role" in g ? { role: g.role } : { permission: g.permission });

/**
 * The grant `subject` holds after `change` (undefined after a removal), refused as the engine refuses a grant: an
 * unknown grant or one another subject holds, an invalid scope, an unknown role (another organization's custom
 * role is unknown) or action, a grant no actor could make (`ImpossibleGrant`). Reads `live` only.
 */
const grantAfter = (
  live: Snapshot,
  subject: Subject,
  change: GrantChange,
  id = NEW_GRANT,
): GrantInput | undefined => {
  let next: GrantInput;
  if (change.kind === "create") {
    const expiry = change.expiresAt === undefined ? {} : { expiresAt: change.expiresAt };
    next = { id, subject: subject.id, scope: change.scope, ...givesOf(change), ...expiry };
  } else {
    const stored = live.grants.get(change.grant);
    const aside = live.setAside.get(change.grant);
    const holder = stored?.subject ?? aside?.subject;
    if (holder === undefined) throw new UnknownGrant({ grant: change.grant });
    if (holder !== subject) throw new GrantNotHeld({ grant: change.grant, subject: subject.id });
    if (change.kind === "remove") return undefined;
    const was = stored === undefined ? (aside as SetAsideGrant).input : inputOf(live, stored);
    const gives =
      change.role !== undefined
        ? { role: change.role }
        : change.permission !== undefined
          ? { permission: change.permission }
          : givesOf(was);
    const expiresAt = change.expiresAt === undefined ? was.expiresAt : (change.expiresAt ?? undefined);
    next = {
      id: was.id,
      subject: was.subject,
      scope: change.scope ?? was.scope,
      ...gives,
      ...(expiresAt === undefined ? {} : { expiresAt }),
    };
  }
  if (scopeDepth(next.scope) < 0)
    throw new InvalidScope({ reason: "a scope key is set below a missing one" });
  const role = "role" in next ? live.roleIn(next.role, next.scope.org) : live.catalog.single(next.permission);
  const impossible = impossibleGrant(live, role, next.scope, subject.org);
  if (impossible !== undefined) throw new ImpossibleGrant({ reason: impossible });
  return next;
};

const diff = (resource: Resource, before: ReadonlyArray<string>, after: ReadonlyArray<string>) => {
  const was = new Set(before);
  const will = new Set(after);
  return {
    resource,
    gained: after.filter((a) => !was.has(a)),
    lost: before.filter((a) => !will.has(a)),
  };
};

/**
 * The diffs with each action told once: on a resource within another asked about (a project's environment), an
 * action that the wider one gains (loses) too is left out, since the wider one says it already.
 */
const onceEach = (diffs: ReadonlyArray<ActionsDiff>): ReadonlyArray<ActionsDiff> =>
  diffs.map((d) => {
    const wider = diffs.filter(
      (w) => w !== d && scopeCovers(w.resource, d.resource) && !sameScope(w.resource, d.resource),
    );
    if (wider.length === 0) return d;
    const gainedAbove = new Set(wider.flatMap((w) => w.gained));
    const lostAbove = new Set(wider.flatMap((w) => w.lost));
    return {
      resource: d.resource,
      gained: d.gained.filter((a) => !gainedAbove.has(a)),
      lost: d.lost.filter((a) => !lostAbove.has(a)),
    };
  });

/**
 * Per resource, what `subjectId` (and, for a group, each member) may do now on `live` against what it could do
 * with `change` made on an overlay of the affected subjects. `now` is read once, so both sides see one moment.
 */
export const whatIf = (
  cx: DecisionContext,
  subjectId: string,
  change: GrantChange,
  resources: ReadonlyArray<Resource>,
  now: number,
): WhatIf => {
  const live = cx.snap;
  const subject = live.subject(subjectId);
  const next = grantAfter(live, subject, change);
  const overlay = overlayFor(live, subject);
  if (change.kind === "remove") overlay.removeGrant(change.grant);
  else if (next !== undefined) overlay.addGrant(next);
  const onOverlay = new DecisionContext(overlay, cx.policy);
  const at = now || Date.now();
  const diffs = (s: Subject): SubjectDiff => {
    const twin = overlay.subject(s.id);
    return {
      subject: s.id,
      resources: onceEach(
        resources.map((r) => diff(r, actionsAllowed(cx, s, r, at), actionsAllowed(onOverlay, twin, r, at))),
      ),
    };
  };
  // Ids are unique: no two members compare equal.
  const members = [...subject.members].sort((a, b) => (a.id < b.id ? -1 : 1));
  return { ...diffs(subject), members: members.map(diffs) };
};

/**
 * What `subjectId` of `org` would gain on each of `resources` with every one of `grants` added (inviting someone
 * to several places at once); with no subject, a person without an account yet, who can do nothing before. Each
 * grant is refused as the engine refuses a grant; answered on an overlay: nothing live is written.
 */
export const whatIfGranted = (
  cx: DecisionContext,
  org: string,
  subjectId: string | undefined,
  grants: ReadonlyArray<NewGrant>,
  resources: ReadonlyArray<Resource>,
  now: number,
): SubjectDiff => {
  const live = cx.snap;
  const existing = subjectId === undefined ? undefined : live.subject(subjectId);
  const overlay = existing === undefined ? new Snapshot(live) : overlayFor(live, existing);
  let twin = existing === undefined ? undefined : overlay.subject(existing.id);
  overlay.batch(() => {
    twin ??= overlay.addUser(NEWCOMER, org);
    for (const [i, grant] of grants.entries()) {
      const next = grantAfter(live, twin, { kind: "create", ...grant }, `${NEW_GRANT}${i}`);
      if (next !== undefined) overlay.addGrant(next);
    }
  });
  const onOverlay = new DecisionContext(overlay, cx.policy);
  const at = now || Date.now();
  const after = overlay.subject(twin?.id ?? NEWCOMER);
  return {
    subject: subjectId ?? "",
    resources: onceEach(
      resources.map((r) =>
        diff(
          r,
          existing === undefined ? [] : actionsAllowed(cx, existing, r, at),
          actionsAllowed(onOverlay, after, r, at),
        ),
      ),
    ),
  };
};

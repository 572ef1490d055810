// The Gatehouse decision engine: pure, over a snapshot of roles and grants, no I/O.
// check, explain, whoCan, whatCan, assign and landing all read the same snapshot through the same rules.
import { products as allProducts } from "../catalog/index.ts";
import type { ProductDef } from "../catalog/types.ts";
import { UnknownSubject } from "../model/errors.ts";
import type { Resource } from "../model/resource.ts";
import { formatScope, type Scope, scopeCovers } from "../model/scope.ts";
import { grantsInForce } from "./admin-levels.ts";
import { type AssignDecision, type Assignment, decideAssignment, decideAuthority } from "./assign.ts";
import { type AudienceRoleAnswer, answerAudienceRole } from "./audience-role.ts";
import type { ActionRef } from "./compiled-catalog.ts";
import { DEACTIVATED } from "./deactivation.ts";
import { decide, decideEach } from "./decide.ts";
import { DecisionContext } from "./decision-context.ts";
import type { ConsideredGrant, ExplainedGrant, Explanation } from "./explanation.ts";
import { FeaturePolicy } from "./feature-policy.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import { inputOf } from "./grant-input.ts";
import { heldAside } from "./impossible-grant.ts";
import { type Landing, landingOf } from "./landing.ts";
import { newPath, ORG_DEPTH, type Path, readPath } from "./resource-path.ts";
import { type AdminSection, sectionsOf } from "./sections.ts";
import { type GrantInput, type SetAsideGrant, Snapshot } from "./snapshot.ts";
import { Trace } from "./trace.ts";
import { IN_FORCE, standing } from "./usable-grants.ts";
import { actionsAllowed } from "./what-can.ts";
import {
  type GrantChange,
  type NewGrant,
  type SubjectDiff,
  type WhatIf,
  whatIf,
  whatIfGranted,
} from "./what-if.ts";

export type Decision = "allow" | "deny";

/** What callers may know of a subject without reaching into the snapshot. */
export type SubjectFacts = Pick<Subject, "id" | "kind" | "org">;

export class Engine {
  readonly snapshot: Snapshot;
  /** Decisions are synchronous and never interleave, so one context (and its scratch buffers) serves them all. */
  private readonly cx: DecisionContext;

  constructor(products: ReadonlyArray<ProductDef> = allProducts) {
    this.snapshot = new Snapshot(products);
    this.cx = new DecisionContext(this.snapshot, new FeaturePolicy(this.snapshot.catalog));
  }

  /** True when `subject` may perform `action` on `resource` at time `now` (epoch ms; 0 = the clock). */
  allows(subject: string, action: string, resource: Resource, now = 0): boolean {
    const snap = this.snapshot;
    const slot = snap.index.find(subject);
    if (slot < 0) throw new UnknownSubject({ subject });
    // `about` reads the subject's slot before the action is looked up, so that the slot's cache line (usually not
    // cached, one of 100k) is fetched while the action is looked up: the two overlap (about 5% of a check).
    const cx = this.cx.about(slot, resource, now, null);
    cx.ref = snap.catalog.action(action);
    return decide(cx);
  }

  check(subject: string, action: string, resource: Resource, now = 0): Decision {
    return this.allows(subject, action, resource, now) ? "allow" : "deny";
  }

  /** `check` of each action on one resource, in their order: the subject, its grants and the path are read once. */
  checkActions(subject: string, actions: ReadonlyArray<string>, resource: Resource, now = 0): Decision[] {
    return this.checkResources(subject, [{ resource, actions }], now)[0] as Decision[];
  }

  /**
   * `checkActions` of each resource's actions, in their order: the subject is looked up once, and a list of actions
   * shared by consecutive resources (a list page asking the same of every row) is read once.
   */
  checkResources(
    subject: string,
    asks: ReadonlyArray<{ readonly resource: Resource; readonly actions: ReadonlyArray<string> }>,
    now = 0,
  ): Decision[][] {
    const snap = this.snapshot;
    const slot = snap.index.find(subject);
    if (slot < 0) throw new UnknownSubject({ subject });
    let actions: ReadonlyArray<string> | undefined;
    let refs: ReadonlyArray<ActionRef> = [];
    return asks.map((ask) => {
      if (ask.actions !== actions) {
        actions = ask.actions;
        refs = actions.map((action) => snap.catalog.action(action));
      }
      const allowed: boolean[] = [];
      decideEach(this.cx.about(slot, ask.resource, now, null), refs, allowed);
      return allowed.map((a) => (a ? "allow" : "deny"));
    });
  }

  /**
   * `check` of questions given as indexes, answered in their order: question q asks `actions[asked[2q]]` of
   * `resources[asked[2q + 1]]`. The subject is looked up once, and each action once, when a question first asks it
   * (an unknown one is refused there, as `check` refuses it; one no question asks is never looked up). Deciding a
   * resource's questions together, as checkResources does, costs more here: a table's resources are asked two or
   * three actions each.
   */
  checkIndexed(
    subject: string,
    actions: ReadonlyArray<string>,
    resources: ReadonlyArray<Resource>,
    asked: ArrayLike<number>,
    now = 0,
  ): Decision[] {
    const snap = this.snapshot;
    const slot = snap.index.find(subject);
    if (slot < 0) throw new UnknownSubject({ subject });
    const refs: Array<ActionRef | undefined> = [];
    const out: Decision[] = [];
    for (let i = 0; i < asked.length; i += 2) {
      const a = asked[i] as number;
      const ref = refs[a] ?? snap.catalog.action(actions[a] as string);
      refs[a] = ref;
      const cx = this.cx.about(slot, resources[asked[i + 1] as number] as Resource, now, null);
      cx.ref = ref;
      out.push(decide(cx) ? "allow" : "deny");
    }
    return out;
  }

  explain(subject: string, action: string, resource: Resource, now = 0): Explanation {
    const s = this.snapshot.subject(subject);
    const trace = new Trace();
    const allowed = decide(this.cx.ask(s.slot, this.snapshot.catalog.action(action), resource, now, trace));
    const path = readPath(resource, newPath());
    const aside = heldAside(this.snapshot, s).filter((a) => a.input.scope.org === resource.org);
    return {
      decision: allowed ? "allow" : "deny",
      subject,
      action,
      actionName: this.actionName(action),
      resource: stripAttrs(resource),
      reason: allowed
        ? `allowed by ${trace.deciding.map((g) => g.role.label).join(" + ")}`
        : [
            trace.reason,
            ...aside.map(
              (a) =>
                `${this.asideView(s, a).roleName} at ${formatScope(a.input.scope)} counts for nothing: ${a.reason}`,
            ),
          ].join("; "),
      considered: [
        ...this.considered(s, path, now),
        ...aside.map((a) => ({ grant: this.asideView(s, a), status: "impossible" as const, note: a.reason })),
      ],
      deciding: allowed ? trace.deciding.map((g) => this.view(s, g)) : [],
      nearest: !allowed && trace.nearest ? this.view(s, trace.nearest) : undefined,
      failedCondition: allowed ? undefined : trace.failedCondition,
      missingAttribute: allowed ? undefined : trace.missingAttribute,
    };
  }

  /**
   * `subject`'s audience role on the Feature audience `resource` (uses in `attrs.usedBy`): the lowest of its
   * project role and its environment and flag roles over the uses, with the use that lowered it.
   */
  audienceRole(subject: string, resource: Resource, now = 0): AudienceRoleAnswer {
    const s = this.snapshot.subject(subject);
    return answerAudienceRole(this.cx.about(s.slot, resource, now).gather(), s.deactivated);
  }

  /** Every user allowed to perform `action` on `resource`, sorted; candidates come from grants on its path. */
  whoCan(action: string, resource: Resource, now = 0): ReadonlyArray<string> {
    const snap = this.snapshot;
    const ref = snap.catalog.action(action);
    const node = snap.tree.deepest(resource);
    if (node === undefined) return [];
    const candidates = new Set<Subject>();
    for (const at of [...node.ancestors, snap.tree.flagNode(resource)])
      for (const g of at?.grants ?? []) addHolders(candidates, g.subject);
    const out: string[] = [];
    for (const user of candidates)
      if (decide(this.cx.ask(user.slot, ref, resource, now, null))) out.push(user.id);
    return out.sort();
  }

  /** Every action `subject` may perform on `resource`, in catalog order. */
  whatCan(subject: string, resource: Resource, now = 0): ReadonlyArray<string> {
    return actionsAllowed(this.cx, this.snapshot.subject(subject), resource, now);
  }

  /**
   * What `subject` (and, for a group, each member) would gain and lose on each of `resources` if `change` were made
   * to its grants. Answered on a copy-on-write overlay of the affected subjects: the snapshot is never written.
   */
  whatIf(subject: string, change: GrantChange, resources: ReadonlyArray<Resource>, now = 0): WhatIf {
    return whatIf(this.cx, subject, change, resources, now);
  }

  /**
   * What `subject` of `org` (undefined: a person without an account yet) would gain on each of `resources` with
   * every one of `grants` added, as inviting it would give them. Answered on an overlay, like whatIf.
   */
  whatIfGranted(
    org: string,
    subject: string | undefined,
    grants: ReadonlyArray<NewGrant>,
    resources: ReadonlyArray<Resource>,
    now = 0,
  ): SubjectDiff {
    return whatIfGranted(this.cx, org, subject, grants, resources, now);
  }

  /** The grant `id` as the input that made it (role or permission, holder, scope, expiry), or undefined. */
  grant(id: string): GrantInput | undefined {
    const grant = this.snapshot.grants.get(id);
    return grant === undefined ? this.snapshot.setAside.get(id)?.input : inputOf(this.snapshot, grant);
  }

  /** Is user `id` deactivated? False for a user the engine does not know. */
  isDeactivated(id: string): boolean {
    return this.snapshot.subjects.get(id)?.deactivated === true;
  }

  /** A user's or group's kind and home organization, or undefined for an id the engine does not know. */
  findSubject(id: string): SubjectFacts | undefined {
    // A user through the check index's map, which the check about it reads next (one lookup's cache lines for both);
    // a group (its index key is not its id) through the subjects map.
    const { index, subjects } = this.snapshot;
    const slot = index.find(id);
    const owner = slot < 0 ? undefined : (index.owners[slot] as Subject | undefined);
    return owner?.id === id ? owner : subjects.get(id);
  }

  /** The organizations `subject` (or a group it is in) holds grants in; for a partner's user, its customers too. */
  grantOrgs(subject: string): ReadonlySet<string> {
    const orgs = new Set<string>();
    const s = this.snapshot.subjects.get(subject);
    for (const holder of s === undefined ? [] : [s, ...s.groups])
      for (const g of holder.grants) {
        const org = g.node.ancestors[ORG_DEPTH]?.key;
        if (org !== undefined) orgs.add(org);
      }
    return orgs;
  }

  /** Does `subject` (or a group it is in) hold a grant in `org`? Partner users hold grants in their customers. */
  holdsGrantIn(subject: string, org: string): boolean {
    const s = this.snapshot.subjects.get(subject);
    if (s === undefined) return false;
    for (const holder of [s, ...s.groups])
      for (const g of holder.grants) if (g.node.ancestors[ORG_DEPTH]?.key === org) return true;
    return false;
  }

  /** May `actor` make `assignment`: allow, deny (lacks authority) or invalid (nobody could). */
  assign(actor: string, assignment: Assignment, now = 0): AssignDecision {
    return decideAssignment(this.cx, this.snapshot.subject(actor), assignment, now);
  }

  /** Does `actor` hold the authority to make `assignment`, its validity aside (refusing one asks this): allow or deny. */
  assignAuthority(actor: string, assignment: Assignment, now = 0): AssignDecision {
    return decideAuthority(this.cx, this.snapshot.subject(actor), assignment, now);
  }

  /**
   * True when `subject` may perform `action` somewhere in `org`: at the place of one of its grants in force there
   * (a permission starts where a grant sits, so no other place can allow what none of those does).
   */
  allowsSomewhere(subject: string, action: string, org: string, now = 0): boolean {
    const s = this.snapshot.subject(subject);
    return grantsInForce(this.snapshot, s, now).some(
      (g) =>
        g.node.ancestors[ORG_DEPTH]?.key === org &&
        this.allows(subject, action, this.snapshot.tree.scopeOf(g.node), now),
    );
  }

  /**
   * The soonest instant (epoch ms) after `now` (0 = the clock) at which a grant placed in `org` or held by one of
   * its subjects lapses, or undefined when none will: when what `org`'s people may do changes without a write.
   */
  nextLapse(org: string, now = 0): number | undefined {
    const after = now || Date.now();
    let soonest: number | undefined;
    for (const g of this.snapshot.expiring)
      if (
        g.expiresAt > after &&
        (soonest === undefined || g.expiresAt < soonest) &&
        (g.subject.org === org || g.node.ancestors[ORG_DEPTH]?.key === org)
      )
        soonest = g.expiresAt;
    return soonest;
  }

  /**
   * True when `subject` may perform `action` at `scope` or at some place inside it: at `scope` itself, or at the
   * place of one of its grants in force there (as allowsSomewhere, within one place of the organization).
   */
  allowsWithin(subject: string, action: string, scope: Scope, now = 0): boolean {
    if (this.allows(subject, action, scope, now)) return true;
    const s = this.snapshot.subject(subject);
    return grantsInForce(this.snapshot, s, now).some((g) => {
      const at = this.snapshot.tree.scopeOf(g.node);
      return scopeCovers(scope, at) && this.allows(subject, action, at, now);
    });
  }

  /** The Admin Center sections `subject` may use in its organization, in navigation order. */
  sections(subject: string, now = 0): ReadonlyArray<AdminSection> {
    const org = this.snapshot.subject(subject).org;
    return sectionsOf(org, {
      allows: (action, scope) => this.allows(subject, action, scope, now),
      allowsSomewhere: (action, inOrg) => this.allowsSomewhere(subject, action, inOrg, now),
      allowsWithin: (action, scope) => this.allowsWithin(subject, action, scope, now),
    });
  }

  /** The Admin Center page the subject starts on. */
  landing(subject: string, now = 0): Landing {
    return landingOf(this.snapshot, this.snapshot.subject(subject), now);
  }

  /** The display name of role `id` (a system role's label, a custom role's name), or undefined when unknown. */
  roleName(id: string): string | undefined {
    return this.snapshot.catalog.roles.get(id)?.label;
  }

  /** The action's label as the catalog names it (its id when the catalog gives none); throws for an unknown id. */
  actionName(action: string): string {
    const ref = this.snapshot.catalog.action(action);
    return (ref.plain ?? ref.web ?? ref.feature)?.label ?? action;
  }

  private considered(s: Subject, path: Path, now: number): ReadonlyArray<ConsideredGrant> {
    const out: ConsideredGrant[] = [];
    for (const holder of [s, ...s.groups])
      for (const g of holder.grants)
        out.push({
          grant: this.view(s, g),
          ...(s.deactivated ? DEACTIVATED : (standing(this.snapshot, g, path, now) ?? IN_FORCE)),
        });
    return out;
  }

  /** A grant held aside, as an explanation shows it (it counts for nothing; see `Snapshot.addGrant`). */
  private asideView(s: Subject, { input, subject }: SetAsideGrant): ExplainedGrant {
    const role = this.snapshot.roleOf(input);
    return {
      id: input.id,
      holder: subject.id,
      via: subject === s ? undefined : subject.id,
      role: role.id,
      roleName: role.label,
      scope: input.scope,
      expiresAt: input.expiresAt,
    };
  }

  private view(s: Subject, g: Grant): ExplainedGrant {
    return {
      id: g.id,
      holder: g.subject.id,
      via: g.subject === s ? undefined : g.subject.id,
      role: g.role.id,
      roleName: g.role.label,
      scope: this.snapshot.tree.scopeOf(g.node),
      expiresAt: g.expiresAt === 0 ? undefined : g.expiresAt,
    };
  }
}

const addHolders = (into: Set<Subject>, holder: Subject): void => {
  if (holder.kind === "user") into.add(holder);
  else for (const m of holder.members) into.add(m);
};

const stripAttrs = (resource: Resource) => {
  const { attrs: _attrs, ...scope } = resource;
  return scope;
};

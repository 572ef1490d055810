// The what-if previews: which actions a subject would gain and lose on each affected scope if one grant changed
// (a new role, a new grant, a removed grant), or an invitation's grants were given. Read-only: engine overlays.
import { WhatIfInput, WhatIfInviteInput } from "@gatehouse/contracts";
import {
  type ActionsDiff,
  type Engine,
  GrantNotHeld,
  type Resource,
  type Scope,
  scopeDepth,
  UnknownGrant,
  type WhatIf,
} from "@gatehouse/domain";
import {
  Environments,
  environmentResource,
  Flags,
  flagResource,
  Projects,
  projectResource,
  Resources,
} from "@gatehouse/store";
import { Effect } from "effect";
import { withPlatforms } from "../assignment-places.ts";
import { type Ask, authorizedQuery, type Declared, type QueryContext, type Store } from "../authorize.ts";
import { actionLabel } from "../names/action-label.ts";
import { badRequest, missing, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";
import { checkCustomRolePlacement, roleIn } from "./custom-role-placement.ts";
import { claimAsks } from "./invitation-rights.ts";
import { inviteeOf } from "./invitee.ts";

// Rules: docs/decisions.md#users (what-if preview). Nothing is written: the router resolves the affected
// resources and engine.whatIf answers on a copy-on-write overlay of the subject's grants (docs/engine.md#what-if).

type Change = WhatIfInput["change"];

const USER_VIEW = "admin-center:user.view";
/** An Experimentation instance-wide change is also previewed on at most this many of its projects. */
const MAX_PROJECTS = 20;

/** The scope the change happens at: the stored grant's own (NOT_FOUND when there is none), else the new one's. */
const changedScope = (engine: Engine, change: Change): Scope => {
  if (change.kind === "create") return change.scope;
  const grant = engine.grant(change.grant);
  if (grant === undefined) throw notFound("grant", change.grant);
  return grant.scope;
};

/**
 * Previewing a change is viewing the users where it happens: `admin-center:user.view` at the changed grant's
 * scope (a stored grant's own, else the new one's), in the actor's organization, about a subject it may see.
 */
const previewing = (input: WhatIfInput, { engine }: QueryContext): Declared => {
  const { change } = input;
  const scope = changedScope(engine, change);
  return {
    orgs: [scope.org],
    subject: input.subject,
    ask: [
      {
        check: { action: USER_VIEW, resource: scope },
        refusal: `You may not view the users there (needs ${USER_VIEW})`,
      },
    ],
    ...(change.kind === "create" ? {} : { missing: missing("grant", change.grant) }),
  };
};

/**
 * The resources to ask whatCan about: the change's scope with the attributes its stored rows carry (store's
 * Resources, as every router builds them); for an Experimentation instance its projects too, for a Feature
 * project its environments (where the rules' actions are decided), and for a flag (a flag role, which applies in
 * every environment) its ruleset in each environment. A new grant's instance and project must exist
 * in the organization (so a preview never invents scopes); another organization's row answers as a made-up id.
 */
const affectedResources = async (store: Store, scope: Scope): Promise<ReadonlyArray<Resource>> => {
  if (scopeDepth(scope) < 0) throw badRequest("change.scope: a scope key is set below a missing one");
  const own = await store.run(Resources.use((r) => r.resolve(scope)));
  if (scope.product !== "experimentation" || scope.instance === undefined) return [own];
  if (scope.project !== undefined) {
    // A Feature project's rules live in its environments: a project role changes what it may do there too.
    if (scope.environment !== undefined || own.attrs?.platform !== "feature") return [own];
    const { project, flag } = scope;
    const [stored, environments] = await store.run(
      Effect.all([Projects.use((p) => p.get(project)), Environments.use((e) => e.list(project))]),
    );
    if (flag === undefined) return [own, ...environments.map((e) => environmentResource(stored, e))];
    const flagRow = await store.run(Flags.use((f) => f.get(flag)));
    return [own, ...environments.map((e) => flagResource(stored, flagRow, e))];
  }
  const projects = await store.run(
    Projects.use((p) => p.list({ org: scope.org, instance: scope.instance ?? "" })),
  );
  return [own, ...projects.slice(0, MAX_PROJECTS).map(projectResource)];
};

/** The engine's what-if, its refusals of the named grant worded as the preview always has (the rest map as usual). */
const whatIf = (engine: Engine, input: WhatIfInput, resources: ReadonlyArray<Resource>): WhatIf => {
  try {
    return engine.whatIf(input.subject, input.change, resources);
  } catch (cause) {
    if (cause instanceof UnknownGrant) throw notFound("grant", cause.grant);
    if (cause instanceof GrantNotHeld)
      throw badRequest(`change.grant: "${cause.grant}" is not held by ${cause.subject}`);
    throw cause;
  }
};

const label = (id: string) => ({ id, label: actionLabel(id) });

/** A resource's diff as the preview shows it: the scope without attributes, each action with its label. */
const scopeDiff = ({ resource, gained, lost }: ActionsDiff) => {
  const { attrs: _attrs, ...scope } = resource;
  return { scope: scope satisfies Scope, gained: gained.map(label), lost: lost.map(label) };
};

/**
 * Previewing an invitation is asked what making it asks (users.invite): engine.assign for every grant, inside the
 * organization, and for an account of the organization that cannot sign in, what claiming it asks. Who may not
 * invite with these grants learns nothing about the email.
 */
const previewingInvite = async (input: WhatIfInviteInput, { store }: QueryContext): Promise<Declared> => {
  for (const grant of input.grants)
    if (grant.scope.org !== input.org) throw badRequest("grants.scope.org: must be org");
  const ask: Ask[] = input.grants.map((grant) => ({
    assign: { role: grant.role, scope: grant.scope, targetOrg: input.org },
  }));
  const invitee = await inviteeOf(store, input.org, input.email, "unseen");
  const claims = invitee.kind === "invite" ? await claimAsks(store, invitee.account) : [];
  return { orgs: [input.org], ask: [...(await withPlatforms(store, ask)), ...claims] };
};

/** The affected resources of every scope, each once (several grants may share a place). */
const resourcesOfAll = async (
  store: Store,
  scopes: ReadonlyArray<Scope>,
): Promise<ReadonlyArray<Resource>> => {
  const seen = new Map<string, Resource>();
  for (const scope of scopes)
    for (const resource of await affectedResources(store, scope)) {
      const { attrs: _attrs, ...path } = resource;
      const key = JSON.stringify(path);
      if (!seen.has(key)) seen.set(key, resource);
    }
  return [...seen.values()];
};

export const whatIfRouter = router({
  /**
   * Per affected scope, the actions `subject` would gain and lose if `change` were made; for a group, also each
   * member's (`members`, empty for a user).
   */
  preview: authorizedQuery(WhatIfInput, previewing).query(async ({ ctx, input }) => {
    const resources = await affectedResources(ctx.store, changedScope(ctx.engine, input.change));
    // The engine may have changed while the rows were read: it answers with the grant as it is now.
    const answer = whatIf(ctx.engine, input, resources);
    return {
      subject: answer.subject,
      scopes: answer.resources.map(scopeDiff),
      members: answer.members.map((m) => ({ subject: m.subject, scopes: m.resources.map(scopeDiff) })),
    };
  }),

  /**
   * Per affected scope, what the person with `email` would gain from the invitation's `grants`, and whether the
   * invite would add them to its account (`outcome: "added"`) or invite it: an account of the organization gains
   * what it lacks; a new person, everything they give.
   * Another organization's email is no account here (as users.invite tells it only once allowed).
   */
  invite: authorizedQuery(WhatIfInviteInput, previewingInvite).query(async ({ ctx, input }) => {
    // Inside the organization now: a custom role out of its place is refused as users.invite refuses it.
    for (const grant of input.grants)
      checkCustomRolePlacement(await roleIn(ctx.store, grant.role, input.org), grant.scope, "grants.role");
    const invitee = await inviteeOf(ctx.store, input.org, input.email, "unseen");
    const subject = invitee.kind === "new" ? undefined : invitee.account.id;
    const resources = await resourcesOfAll(
      ctx.store,
      input.grants.map((g) => g.scope),
    );
    const answer = ctx.engine.whatIfGranted(input.org, subject, input.grants, resources);
    const outcome = invitee.kind === "add" ? ("added" as const) : ("invited" as const);
    return { outcome, scopes: answer.resources.map(scopeDiff) };
  }),
});

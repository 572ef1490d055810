// The what-if preview: which actions a subject would gain and lose on each affected scope if one grant changed
// (a new role, a new grant, a removed grant). Read-only: the engine answers on an overlay (engine.whatIf).
import { WhatIfInput } from "@gatehouse/contracts";
import {
  type ActionsDiff,
  type Engine,
  GrantNotHeld,
  products,
  type Resource,
  type Scope,
  scopeDepth,
  UnknownGrant,
  type WhatIf,
} from "@gatehouse/domain";
import { Environments, environmentResource, Projects, projectResource, Resources } from "@gatehouse/store";
import { Effect } from "effect";
import { authorizedQuery, type Declared, type QueryContext, type Store } from "../authorize.ts";
import { badRequest, missing, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";

// Rules: docs/decisions.md#users (what-if preview). Nothing is written: the router resolves the affected
// resources and engine.whatIf answers on a copy-on-write overlay of the subject's grants (docs/engine.md#what-if).

type Change = WhatIfInput["change"];

const USER_VIEW = "admin-center:user.view";
/** An Experimentation instance-wide change is also previewed on at most this many of its projects. */
const MAX_PROJECTS = 20;

const actionLabels = new Map<string, string>(
  products.flatMap((p) => p.actions.map((a) => [a.id as string, a.label] as const)),
);

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
const previewing = (input: WhatIfInput, { actor, engine }: QueryContext): Declared => {
  const { change } = input;
  const scope = changedScope(engine, change);
  return {
    orgs: [scope.org],
    subject: input.subject,
    ask: [
      {
        check: { action: USER_VIEW, resource: scope },
        refusal: `${actor.id} may not view the users there (needs ${USER_VIEW})`,
      },
    ],
    ...(change.kind === "create" ? {} : { missing: missing("grant", change.grant) }),
  };
};

/**
 * The resources to ask whatCan about: the change's scope with the attributes its stored rows carry (store's
 * Resources, as every router builds them); for an Experimentation instance its projects too, and for a Feature
 * project its environments (where the rules' actions are decided). A new grant's instance and project must exist
 * in the organization (so a preview never invents scopes); another organization's row answers as a made-up id.
 */
const affectedResources = async (store: Store, scope: Scope): Promise<ReadonlyArray<Resource>> => {
  if (scopeDepth(scope) < 0) throw badRequest("change.scope: a scope key is set below a missing one");
  const own = await store.run(Resources.use((r) => r.resolve(scope)));
  if (scope.product !== "experimentation" || scope.instance === undefined) return [own];
  if (scope.project !== undefined) {
    // A Feature project's rules live in its environments: a project role changes what it may do there too.
    if (scope.environment !== undefined || own.attrs?.platform !== "feature") return [own];
    const project = scope.project;
    const [stored, environments] = await store.run(
      Effect.all([Projects.use((p) => p.get(project)), Environments.use((e) => e.list(project))]),
    );
    return [own, ...environments.map((e) => environmentResource(stored, e))];
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

const label = (id: string) => ({ id, label: actionLabels.get(id) ?? id });

/** A resource's diff as the preview shows it: the scope without attributes, each action with its label. */
const scopeDiff = ({ resource, gained, lost }: ActionsDiff) => {
  const { attrs: _attrs, ...scope } = resource;
  return { scope: scope satisfies Scope, gained: gained.map(label), lost: lost.map(label) };
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
});

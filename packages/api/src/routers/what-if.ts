// The what-if preview: which actions a user would gain and lose on each affected scope if one grant changed
// (a new role, a new grant, a removed grant). Read-only: the engine answers with the change applied and reverted.
import { randomUUID } from "node:crypto";
import { WhatIfInput } from "@gatehouse/contracts";
import {
  type Engine,
  type GrantInput,
  products,
  type Resource,
  type ResourceAttributes,
  type Scope,
  scopeDepth,
} from "@gatehouse/domain";
import { Environments, Flags, Instances, Projects } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Effect, Option } from "effect";
import type { StoreServices } from "../auth/store-runner.ts";
import { authorizedQuery, type Declared, type QueryContext, type Store } from "../authorize.ts";
import { router } from "../trpc.ts";
import { roleIn } from "./custom-role-placement.ts";

// Rules: docs/decisions.md#users (what-if preview). Nothing is written: the change is applied to the engine
// synchronously and reverted in a finally block before anything else can run.

type Change = WhatIfInput["change"];

const USER_VIEW = "admin-center:user.view";
/** An Experimentation instance-wide change is also previewed on at most this many of its projects. */
const MAX_PROJECTS = 20;

const actionLabels = new Map<string, string>(
  products.flatMap((p) => p.actions.map((a) => [a.id as string, a.label] as const)),
);

const badRequest = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });
const notFound = (message: string) => new TRPCError({ code: "NOT_FOUND", message });

/** The engine's grant `id` as a grant input, to put back exactly as it was. */
const storedInput = (engine: Engine, id: string): GrantInput | undefined => {
  const grant = engine.snapshot.grants.get(id);
  if (grant === undefined) return undefined;
  const base = {
    id: grant.id,
    subject: grant.subject.id,
    scope: engine.snapshot.tree.scopeOf(grant.node),
    ...(grant.expiresAt === 0 ? {} : { expiresAt: grant.expiresAt }),
  };
  return grant.role.single
    ? { ...base, permission: grant.role.id.slice("permission:".length) }
    : { ...base, role: grant.role.id };
};

/** Where and to whom `grant` is given, without what it gives. */
const placement = ({ id, subject, scope, expiresAt }: GrantInput) => ({
  id,
  subject,
  scope,
  ...(expiresAt === undefined ? {} : { expiresAt }),
});

/** The grant the change names, held by `subject` (update and remove), or undefined for a new grant. */
const changedGrant = (engine: Engine, subject: string, change: Change): GrantInput | undefined => {
  if (change.kind === "create") return undefined;
  const grant = storedInput(engine, change.grant);
  if (grant === undefined) throw notFound(`No grant "${change.grant}"`);
  if (grant.subject !== subject)
    throw badRequest(`change.grant: "${change.grant}" is not held by ${subject}`);
  return grant;
};

/**
 * Previewing a change is viewing the users where it happens: `admin-center:user.view` at the changed grant's
 * scope (a stored grant's own, else the new one's), in the actor's organization, about a subject it may see.
 */
const previewing = (input: WhatIfInput, { actor, engine }: QueryContext): Declared => {
  const { change } = input;
  const missing = change.kind === "create" ? undefined : `No grant "${change.grant}"`;
  const scope = change.kind === "create" ? change.scope : storedInput(engine, change.grant)?.scope;
  if (scope === undefined) throw notFound(missing ?? "No grant");
  return {
    orgs: [scope.org],
    subject: input.subject,
    ask: [
      {
        check: { action: USER_VIEW, resource: scope },
        refusal: `${actor.id} may not view the users there (needs ${USER_VIEW})`,
      },
    ],
    ...(missing === undefined ? {} : { missing }),
  };
};

/** The stored row `id`, when `belongs` says it lies where the scope puts it; NOT_FOUND otherwise, as if missing. */
const rowIn = async <A>(
  store: Store,
  read: Effect.Effect<A, unknown, StoreServices>,
  belongs: (row: A) => boolean,
  missing: string,
): Promise<A> => {
  const row = await store.run(Effect.option(read));
  if (Option.isNone(row) || !belongs(row.value)) throw notFound(missing);
  return row.value;
};

/**
 * The resources to ask whatCan about: the change's scope with the attributes its stored rows carry (platform,
 * production, flagStatus); for an Experimentation instance its projects too, and for a Feature project its
 * environments (where the rules' actions are decided). A new grant's instance and
 * project must exist in the organization (so a preview never invents scopes).
 */
const affectedResources = async (store: Store, scope: Scope): Promise<ReadonlyArray<Resource>> => {
  if (scopeDepth(scope) < 0) throw badRequest("change.scope: a scope key is set below a missing one");
  let attrs: ResourceAttributes = {};
  // A row of another instance, project or organization answers exactly as a made-up id does.
  if (scope.instance !== undefined) {
    const id = scope.instance;
    const instance = await rowIn(
      store,
      Effect.flatMap(Effect.service(Instances), (i) => i.get(id)),
      (i) => i.org === scope.org && i.product === scope.product,
      `No instance "${id}"`,
    );
    if (instance.production !== null) attrs = { ...attrs, production: instance.production };
  }
  if (scope.project !== undefined) {
    const id = scope.project;
    const project = await rowIn(
      store,
      Effect.flatMap(Effect.service(Projects), (p) => p.get(id)),
      (p) => p.instance === scope.instance,
      `No project "${id}"`,
    );
    attrs = { ...attrs, platform: project.platform };
  }
  if (scope.environment !== undefined) {
    const id = scope.environment;
    const env = await rowIn(
      store,
      Effect.flatMap(Effect.service(Environments), (e) => e.get(id)),
      (e) => e.project === scope.project,
      `No environment "${id}"`,
    );
    attrs = { ...attrs, production: env.production };
  }
  if (scope.flag !== undefined) {
    const id = scope.flag;
    const flag = await rowIn(
      store,
      Effect.flatMap(Effect.service(Flags), (f) => f.get(id)),
      (f) => f.project === scope.project,
      `No flag "${id}"`,
    );
    attrs = { ...attrs, flagStatus: flag.status };
  }
  const own: Resource = { ...scope, ...(Object.keys(attrs).length > 0 ? { attrs } : {}) };
  if (scope.product !== "experimentation" || scope.instance === undefined) return [own];
  if (scope.project !== undefined) {
    // A Feature project's rules live in its environments: a project role changes what it may do there too.
    if (scope.environment !== undefined || attrs.platform !== "feature") return [own];
    const environments = await store.run(
      Effect.flatMap(Effect.service(Environments), (e) => e.list(scope.project ?? "")),
    );
    return [
      own,
      ...environments.map((e) => ({
        ...scope,
        environment: e.id,
        attrs: { platform: "feature" as const, production: e.production },
      })),
    ];
  }
  const projects = await store.run(
    Effect.flatMap(Effect.service(Projects), (p) =>
      p.list({ org: scope.org, instance: scope.instance ?? "" }),
    ),
  );
  return [
    own,
    ...projects
      .slice(0, MAX_PROJECTS)
      .map((p) => ({ ...scope, project: p.id, attrs: { platform: p.platform } })),
  ];
};

/**
 * Runs `read` with `change` applied to the engine and reverts it before returning, whatever happens. Everything
 * that could refuse the change (the role's name, the scope) is checked first, so nothing is half-applied, and
 * no `await` sits in between: no other request sees the changed engine.
 */
const withChange = <A>(
  engine: Engine,
  subject: string,
  change: Change,
  original: GrantInput | undefined,
  read: () => A,
): A => {
  const snap = engine.snapshot;
  snap.subject(subject);
  if (change.kind !== "remove") snap.catalog.role(change.role);
  // Stored grant ids are `grt_…`: this one never replaces a real grant.
  const previewId = `what-if:${randomUUID()}`;
  try {
    if (change.kind === "update" && original !== undefined) {
      snap.addGrant({ ...placement(original), role: change.role });
    } else if (change.kind === "remove") snap.removeGrant(change.grant);
    else if (change.kind === "create")
      snap.addGrant({ id: previewId, subject, scope: change.scope, role: change.role });
    return read();
  } finally {
    if (original !== undefined) snap.addGrant(original);
    else snap.removeGrant(previewId);
  }
};

const label = (id: string) => ({ id, label: actionLabels.get(id) ?? id });

export const whatIfRouter = router({
  /** Per affected scope, the actions `subject` would gain and lose if `change` were made. */
  preview: authorizedQuery(WhatIfInput, previewing).query(async ({ ctx, input }) => {
    const { engine } = ctx;
    const original = changedGrant(engine, input.subject, input.change);
    const scope = original?.scope ?? (input.change.kind === "create" ? input.change.scope : undefined);
    if (scope === undefined) throw badRequest("change: name a grant or a scope");
    const resources = await affectedResources(ctx.store, scope);
    // Another organization's custom role previews as a made-up one: the engine knows every organization's.
    if (input.change.kind !== "remove") await roleIn(ctx.store, input.change.role, scope.org);
    // The engine may have changed while the rows were read: take the grant as it is now.
    const current = changedGrant(engine, input.subject, input.change);
    const whatCan = () => resources.map((r) => new Set(engine.whatCan(input.subject, r)));
    const before = whatCan();
    const after = withChange(engine, input.subject, input.change, current, whatCan);
    return {
      subject: input.subject,
      scopes: resources.map((resource, i) => {
        const was = before[i] ?? new Set<string>();
        const will = after[i] ?? new Set<string>();
        const { attrs: _attrs, ...at } = resource;
        return {
          scope: at satisfies Scope,
          gained: [...will].filter((a) => !was.has(a)).map(label),
          lost: [...was].filter((a) => !will.has(a)).map(label),
        };
      }),
    };
  }),
});

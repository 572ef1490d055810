// Mission Control operations: run (or schedule) an action on an instance, cancel one not yet started, page
// the history and read one with its status changes. Runs are authorized by engine.check on the stored instance.
import { OperationHistoryInput, OperationIdInput, OperationRunInput } from "@gatehouse/contracts";
import { oneAtATimeOperations } from "@gatehouse/domain";
import {
  type InstanceRecord,
  Instances,
  instanceResource,
  newId,
  type OperationRecord,
  Operations,
  Organizations,
} from "@gatehouse/store";
import { Effect, Option } from "effect";
import {
  type Ask,
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  type Declared,
  type QueryContext,
  type Store,
} from "../authorize.ts";
import { keysetPage } from "../list-page.ts";
import { operationExecutor } from "../mission-control/executor.ts";
import { operationCheck } from "../mission-control/operation-check.ts";
import { operationName } from "../names/operation-name.ts";
import { peopleNamer } from "../names/people.ts";
import { badRequest, missing, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";

// Rules: docs/decisions.md#mission-control

const PRODUCT = "mission-control";
const VIEW = "mission-control:site.view";

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const view = (op: OperationRecord) => ({
  id: op.id,
  org: op.org,
  instance: op.instance,
  action: op.action,
  actionName: operationName(op.action),
  params: op.params,
  requestedBy: op.requestedBy,
  status: op.status,
  scheduledFor: iso(op.scheduledFor),
  startedAt: iso(op.startedAt),
  finishedAt: iso(op.finishedAt),
  simulated: op.simulated,
  result: op.result,
  error: op.error,
  createdAt: op.createdAt.toISOString(),
});

/**
 * The Mission Control instance `id`; another product's instance is BAD_REQUEST in the actor's own organization
 * (`home`) and, in any other, NOT_FOUND as a made-up id (its kind is not told across the boundary).
 */
const loadInstance = async (store: Store, id: string, home?: string): Promise<InstanceRecord> => {
  const instance = await store.run(Instances.use((i) => i.get(id)));
  if (instance.product !== PRODUCT && home !== undefined && instance.org !== home)
    throw notFound("instance", id);
  if (instance.product !== PRODUCT) throw badRequest(`instance: ${id} is not a Mission Control instance`);
  return instance;
};

const loadOperation = (store: Store, id: string) => store.run(Operations.use((ops) => ops.get(id)));

const viewing = (instance: InstanceRecord): Ask => ({
  check: { action: VIEW, resource: instanceResource(instance) },
});

/** The stored operation and its instance; a made-up id answers what another organization's does. */
const storedOperation = async (store: Store, id: string) => {
  const words = missing("operation", id);
  const op = await store.run(Effect.option(Operations.use((ops) => ops.get(id))));
  if (Option.isNone(op)) throw notFound("operation", id);
  return { op: op.value, instance: await loadInstance(store, op.value.instance), missing: words };
};

const cancelAsk = async (input: { readonly id: string }, { store }: AskContext): Promise<Ask> => {
  const { op, instance, missing } = await storedOperation(store, input.id);
  return { check: operationCheck(op.action, instance), missing };
};

/** The organization's name for a refusal given once the boundary passed (its id when it has none). */
const orgName = async (store: Store, org: string): Promise<string> => {
  const found = await store.run(Effect.option(Organizations.use((o) => o.get(org))));
  return Option.isSome(found) ? found.value.name : org;
};

/**
 * The instances of `org` the actor may view, declared: users are asked about each one they see. A refusal says
 * what viewing takes (a Mission Control role on the environment), naming no environment by id: one the reader may
 * not view and a made-up one are refused alike.
 */
const historyOf = async (
  input: typeof OperationHistoryInput.Type,
  { actor, engine, store }: QueryContext,
): Promise<Declared<ReadonlyMap<string, InstanceRecord>>> => {
  const instances = await store.run(Instances.use((i) => i.list(input.org, PRODUCT)));
  const seen =
    actor.kind === "user"
      ? instances.filter((i) => engine.allows(actor.id, VIEW, instanceResource(i)))
      : instances;
  const visible = new Map(seen.map((i) => [i.id, i] as const));
  const refuse =
    visible.size === 0
      ? `You hold no Mission Control role on any environment of ${await orgName(store, input.org)}: its operations are shown to those who may view an environment`
      : input.instance !== undefined && !visible.has(input.instance)
        ? "You may not view this environment's operations: they are shown to those who hold a Mission Control role on it"
        : undefined;
  return {
    orgs: [input.org],
    acrossOrgs: true,
    ask: seen.map(viewing),
    ...(refuse === undefined ? {} : { refuse }),
    value: visible,
  };
};

/** The deployments and syncs, at most one open per instance (the domain's rule), as action ids. */
const oneAtATime = oneAtATimeOperations.map((name) => `${PRODUCT}:${name}`);

/** The production syncs: they copy production over the sandbox they run on, so never run on production. */
const syncs: ReadonlySet<string> = new Set(["database.sync", "userfiles.sync"]);

export const operationsRouter = router({
  /** Runs `action` on `instance` now, or at `scheduledFor`; generated credentials are in `once`, only here. */
  run: authorizedMutation(OperationRunInput, async (input, { actor, store }) => {
    const instance = await loadInstance(store, input.instance, actor.org);
    return {
      check: operationCheck(`${PRODUCT}:${input.action}`, instance),
      missing: missing("instance", input.instance),
    };
  }).mutation(async ({ ctx, input }) => {
    const instance = await loadInstance(ctx.store, input.instance);
    if (syncs.has(input.action) && instance.production)
      throw badRequest(
        `action: ${input.action} copies production over a sandbox; run it on a sandbox instance, not on production ${instance.name}`,
      );
    if (input.action === "database.sync" && input.confirmName !== instance.name)
      throw badRequest(
        `confirmName: type the instance's name ("${instance.name}") to overwrite its database`,
      );
    const executor = operationExecutor();
    const action = `${PRODUCT}:${input.action}`;
    const prepared = executor.prepare(action, instance.id);
    const id = newId("op");
    const { value } = await ctx.write({
      org: instance.org,
      action: "operation.run",
      target: { kind: "operation", id },
      run: Operations.use((ops) =>
        ops.create({
          id,
          org: instance.org,
          instance: instance.id,
          action,
          params: prepared.params,
          requestedBy: ctx.actor.id,
          scheduledFor: input.scheduledFor ?? null,
          simulated: executor.simulated,
          oneOpen: {
            among: oneAtATime,
            refusal: `Another deployment or sync is waiting or running on ${instance.name}: one runs at a time per environment, so run ${operationName(action)} once it has finished, or cancel it`,
          },
        }),
      ),
    });
    executor.submit(value, ctx.store.run);
    return { operation: view(value), ...(prepared.once === undefined ? {} : { once: prepared.once }) };
  }),

  /** Cancels an operation that has not started yet. */
  cancel: authorizedMutation(OperationIdInput, cancelAsk).mutation(async ({ ctx, input }) => {
    const op = await loadOperation(ctx.store, input.id);
    const { value } = await ctx.write({
      org: op.org,
      action: "operation.cancel",
      target: { kind: "operation", id: op.id },
      run: Operations.use((ops) =>
        ops.transition(op.id, {
          from: ["submitted"],
          to: "cancelled",
          actor: ctx.actor.id,
          // Who cancelled is the event's actor, named when read (operations.get).
          message: "cancelled before it started",
        }),
      ),
    });
    return view(value);
  }),

  /**
   * The operations of `org` (optionally one instance or status) on the instances the reader may view, newest
   * first: the query reads only those, so a page, its size and its `next` (which pages on) tell nothing of others.
   */
  history: authorizedQuery(OperationHistoryInput, historyOf).query(async ({ ctx, input }) => {
    const visible = ctx.declared;
    // One row more than asked tells whether another page follows.
    const rows = await ctx.store.run(
      Operations.use((o) =>
        o.list({
          org: input.org,
          instances: [...visible.keys()],
          instance: input.instance,
          status: input.status,
          cursor: input.cursor,
          limit: input.limit + 1,
        }),
      ),
    );
    const { page, nextCursor } = keysetPage(rows, input.limit, (last) => last.id);
    const person = await peopleNamer(
      ctx.store,
      ctx.engine,
      ctx.actor,
      page.map((op) => op.requestedBy),
      { id: input.org, name: await orgName(ctx.store, input.org) },
    );
    return {
      items: page.map((op) => ({ ...view(op), requester: person(op.requestedBy) })),
      next: nextCursor,
    };
  }),

  /** One operation with its status changes, oldest first. */
  get: authorizedQuery(OperationIdInput, async (input, { store }) => {
    const { op, instance, missing } = await storedOperation(store, input.id);
    // Only those who may view the instance learn the operation exists.
    return { orgs: [op.org], acrossOrgs: true, ask: [viewing(instance)], hidden: true, missing, value: op };
  }).query(async ({ ctx }) => {
    const op = ctx.declared;
    const events = await ctx.store.run(Operations.use((o) => o.events(op.id)));
    const person = await peopleNamer(
      ctx.store,
      ctx.engine,
      ctx.actor,
      [op.requestedBy, ...events.map((e) => e.actor)],
      { id: op.org, name: await orgName(ctx.store, op.org) },
    );
    return {
      ...view(op),
      requester: person(op.requestedBy),
      events: events.map((e) => ({
        status: e.status,
        at: e.at.toISOString(),
        actor: e.actor === null ? null : person(e.actor),
        message: e.message,
      })),
    };
  }),
});

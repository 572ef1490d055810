// Mission Control reads for the dashboard: the customers a user reaches (own organization, partner grants) with
// its roles and single permissions there, a customer's instances it may view with their facts, and who holds them.
import { Id } from "@gatehouse/contracts";
import {
  type GrantRecord,
  Grants,
  Groups,
  type InstanceRecord,
  Instances,
  instanceResource,
  Operations,
  Organizations,
  Users,
} from "@gatehouse/store";
import { Effect, Option, Schema } from "effect";
import { authorizedQuery, authorizedRead, type Declared, type May, type Store } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { type Held, heldName } from "../names/held-name.ts";
import { operationName } from "../names/operation-name.ts";
import { missing, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";
import { partnerHolders } from "./partner-holders.ts";

// Rules: docs/decisions.md#mission-control (customers, instances, holders).

const InstancesInput = Schema.Struct({ customer: Id });
const HoldersInput = Schema.Struct({ customer: Id, instance: Id });

const PRODUCT = "mission-control";
const VIEW = "mission-control:site.view";
const USER_VIEW = "admin-center:user.view";
const INSTANCE_VIEW = "admin-center:instance.view";

/** A Mission Control grant held: a role, or a single permission given without one (`single`: `role` is its action). */
interface RoleHeld extends Held {
  readonly instance: string | null;
  readonly expiresAt: string | null;
}

/** An unexpired Mission Control grant, of a role or of a single permission: either lets its holder act. */
const isMissionControl = (g: GrantRecord, now: number) =>
  g.scope.product === PRODUCT && (g.expiresAt === null || g.expiresAt.getTime() > now);

const roleOf = (g: GrantRecord): RoleHeld => ({
  role: g.role ?? g.permission ?? "",
  single: g.role === null,
  instance: g.scope.instance ?? null,
  expiresAt: g.expiresAt === null ? null : g.expiresAt.toISOString(),
});

/** The user's unexpired Mission Control grants: its own and those of its home organization's groups. */
const grantsOf = (store: Store, user: { readonly id: string; readonly org: string }) =>
  store.run(
    Effect.gen(function* () {
      const grants = yield* Grants;
      const groups = (yield* (yield* Groups).list(user.org)).filter((g) => g.members.includes(user.id));
      const own = yield* grants.list({ subject: { kind: "user", id: user.id } });
      const viaGroups = yield* Effect.forEach(groups, (g) =>
        grants.list({ subject: { kind: "group", id: g.id } }),
      );
      const now = Date.now();
      return [...own, ...viaGroups.flat()].filter((g) => isMissionControl(g, now));
    }),
  );

/** The organizations `actor` reaches in Mission Control, with its roles in each. */
const customersOf = async (store: Store, actor: Actor) => {
  if (actor.kind === "operator") return [];
  const orgs = await store.run(Organizations.use((o) => o.list()));
  const byId = new Map(orgs.map((o) => [o.id, o] as const));
  const enabled = (id: string) => byId.get(id)?.products.includes(PRODUCT) === true;
  if (!enabled(actor.org)) return [];
  const grants = actor.kind === "user" ? await grantsOf(store, actor) : [];
  // The home organization first, then those its grants lie in (a Set keeps the first of each).
  const [home, ...partners] = new Set([actor.org, ...grants.map((g) => g.scope.org)]);
  const reached = [
    { id: home ?? actor.org, relation: "own" as const },
    ...partners.map((id) => ({ id, relation: "partner" as const })),
  ];
  return reached
    .filter(({ id }) => enabled(id))
    .map(({ id, relation }) => ({
      org: id,
      name: byId.get(id)?.name ?? id,
      relation,
      roles: grants.filter((g) => g.scope.org === id).map(roleOf),
    }));
};

const noCustomer = (customer: string) => missing("Mission Control customer", customer);

/**
 * `customer` as Mission Control's boundary: the organization is declared (the builder keeps the user inside the
 * organizations it reaches), and the product's own rule, the customer list (Mission Control enabled on both
 * sides, a Mission Control grant there), refuses the rest with the same words.
 */
const reach = async (store: Store, actor: Actor, customer: string): Promise<Declared> => {
  const customers = await customersOf(store, actor);
  if (!customers.some((c) => c.org === customer)) throw notFound("Mission Control customer", customer);
  return { orgs: [customer], acrossOrgs: true, missing: noCustomer(customer) };
};

/** Mission Control's own view, or the Admin Center's view of the instance (its admins see who holds roles). */
const mayView = (may: May, i: InstanceRecord) =>
  may(VIEW, instanceResource(i)) || may(INSTANCE_VIEW, { org: i.org, product: PRODUCT, instance: i.id });

/** The customer's Mission Control instance `id`, or NOT_FOUND in the words a made-up id gets. */
const customerInstance = async (store: Store, customer: string, id: string) => {
  const words = missing("Mission Control instance", id);
  const found = await store.run(Effect.option(Instances.use((i) => i.get(id))));
  if (Option.isNone(found) || found.value.org !== customer || found.value.product !== PRODUCT)
    throw notFound("Mission Control instance", id);
  return { instance: found.value, missing: words };
};

/** "2026-11-22 15:02 UTC": the server does not know the reader's time zone, so it says which one it uses. */
const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** What a user expects to read about an environment, from stored rows only. */
const factsOf = async (store: Store, i: InstanceRecord, customerName: string) => {
  const [last] = await store.run(Operations.use((o) => o.list({ org: i.org, instance: i.id, limit: 1 })));
  return {
    Customer: customerName,
    Environment: i.production === true ? "Production" : "Sandbox",
    "Instance ID": i.id,
    Platform: "Configured Commerce",
    "Last operation":
      last === undefined
        ? "None yet"
        : `${operationName(last.action)}, ${last.status}, ${utc(last.createdAt)}`,
  };
};

export const missionControlRouter = router({
  partnerHolders,

  /** The organizations the user reaches in Mission Control, with its roles there. */
  customers: authorizedRead(() => ({})).query(async ({ ctx }) => {
    const customers = await customersOf(ctx.store, ctx.actor);
    // The roles and instances by name: the instances are those the user holds a role on (it may see them).
    const instances = await ctx.store.run(
      Effect.forEach(customers, (c) => Instances.use((i) => i.list(c.org, PRODUCT))),
    );
    const instanceName = new Map(instances.flat().map((i) => [i.id, i.name] as const));
    return customers.map((c) => ({
      ...c,
      roles: c.roles.map((r) => ({
        ...r,
        roleName: heldName(ctx.engine, r),
        instanceName: r.instance === null ? null : (instanceName.get(r.instance) ?? r.instance),
      })),
    }));
  }),

  /** The customer's Mission Control instances the user may view, with their facts. */
  instances: authorizedQuery(InstancesInput, (input, { actor, store }) =>
    reach(store, actor, input.customer),
  ).query(async ({ ctx, input }) => {
    const [org, rows] = await ctx.store.run(
      Effect.gen(function* () {
        return [
          yield* (yield* Organizations).get(input.customer),
          yield* (yield* Instances).list(input.customer, PRODUCT),
        ] as const;
      }),
    );
    const visible = rows.filter((i) => mayView(ctx.may, i));
    return Promise.all(
      visible.map(async (i) => ({
        id: i.id,
        org: i.org,
        name: i.name,
        production: i.production === true,
        environment: i.production === true ? "production" : "sandbox",
        /** What the engine is asked about for an action on the instance (the app's guards ask the same). */
        resource: instanceResource(i),
        facts: await factsOf(ctx.store, i, org.name),
      })),
    );
  }),

  /**
   * The users holding Mission Control roles or single permissions on the instance (directly, at the product or via
   * a group), each marked deactivated or removed when its account is.
   */
  holders: authorizedQuery(HoldersInput, async (input, { store }) => {
    const { instance, missing } = await customerInstance(store, input.customer, input.instance);
    return {
      orgs: [instance.org],
      // A partner knows the customer it holds grants in: it is told why it may not see the holders.
      acrossOrgs: true,
      ask: [
        {
          check: { action: USER_VIEW, resource: { org: instance.org } },
          refusal: `You may not view this organization's users (needs ${USER_VIEW})`,
        },
      ],
      missing,
      value: instance,
    };
  }).query(async ({ ctx, input }) => {
    const instance = ctx.declared;
    const holders = await ctx.store.run(
      Effect.gen(function* () {
        const now = Date.now();
        const grants = (yield* (yield* Grants).list({ org: input.customer })).filter(
          (g) =>
            isMissionControl(g, now) && (g.scope.instance === undefined || g.scope.instance === instance.id),
        );
        const groups = yield* Groups;
        const users = yield* Users;
        const rows = yield* Effect.forEach(grants, (g) =>
          Effect.gen(function* () {
            const group = g.subject.kind === "group" ? yield* groups.get(g.subject.id) : null;
            const ids = group === null ? [g.subject.id] : group.members;
            return yield* Effect.forEach(ids, (id) =>
              Effect.map(users.get(id), (u) => ({
                user: u.id,
                name: u.name,
                email: u.email,
                org: u.org,
                partner: u.org !== input.customer,
                deactivated: u.status === "deactivated",
                removed: u.status === "disabled",
                via: group === null ? null : group.name,
                ...roleOf(g),
              })),
            );
          }),
        );
        return { instance, rows: rows.flat() };
      }),
    );
    // A fact about each holder (the answer itself), not a decision about the actor: a role's holder may view the
    // instance, a single permission's may do its action. A deactivated (or removed) holder is shown as such: its
    // grant counts for nothing.
    const orgs = await ctx.store.run(Organizations.use((o) => o.list()));
    const orgName = new Map(orgs.map((o) => [o.id, o.name] as const));
    return holders.rows
      .filter(
        (h) =>
          h.deactivated ||
          h.removed ||
          ctx.engine.allows(h.user, h.single ? h.role : VIEW, instanceResource(holders.instance)),
      )
      .map((h) => ({
        ...h,
        roleName: heldName(ctx.engine, h),
        // A partner holding roles here is seen with its organization's name.
        orgName: orgName.get(h.org) ?? h.org,
      }));
  }),
});

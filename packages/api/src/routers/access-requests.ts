// Partner access requests: a partner user asks a customer for a Mission Control partner role; the customer's
// admin approves (direct: the grant is made at once) or denies; on the support-ticket path the operator completes it;
// the partner user may cancel its own request while it is pending.
import {
  AccessRequestCancelInput,
  AccessRequestCompleteInput,
  AccessRequestDecideInput,
  AccessRequestInput,
  AccessRequestListInput,
  inputSchema,
  SupportTicketQueueInput,
} from "@gatehouse/contracts";
import {
  type AccessRequestEvent,
  type AccessRequestStatus,
  accessRequestEffects,
  accessRequestMovers,
  type Engine,
  grantedRole,
  inForce,
  nextAccessRequest,
  readsAccessRequest,
  readsAccessRequests,
  type Scope,
  sameScope,
} from "@gatehouse/domain";
import {
  type AccessRequestRecord,
  AccessRequests,
  Grants,
  Instances,
  newId,
  Organizations,
  VersionConflict,
} from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Effect, Option, Result } from "effect";
import {
  type AskContext,
  authorizedMutation,
  authorizedQuery,
  authorizedRead,
  type Declared,
  type DeclaredChange,
  type OperatorStanding,
  operatorMutation,
  operatorOnly,
  type QueryContext,
  type Store,
  type UserActor,
  type Write,
} from "../authorize.ts";
import { pageOf } from "../list-page.ts";
import { accessRequestNamer } from "../names/access-request-names.ts";
import { badRequest, forbidden, missing, notFound } from "../refusals.ts";
import { router } from "../trpc.ts";
import { ticketView } from "./support-tickets.ts";

// Rules: docs/decisions.md#partner-access; the request's states, events and movers: the domain's rules/access-request.ts.

const PRODUCT = "mission-control";

const view = (r: AccessRequestRecord) => ({
  id: r.id,
  partnerOrg: r.partnerOrg,
  customerOrg: r.customerOrg,
  user: r.userId,
  role: r.requestedRole,
  instance: r.instance,
  path: r.path,
  status: r.status,
  decidedBy: r.decidedBy,
  completedBy: r.completedBy,
  ticket: r.ticket,
  note: r.note,
  grantId: r.grantId,
});

const scopeOf = (r: AccessRequestRecord): Scope => ({
  org: r.customerOrg,
  product: PRODUCT,
  ...(r.instance === null ? {} : { instance: r.instance }),
});

/**
 * The partner-side checks: a partner organization with Mission Control, then the customer and its instance. What
 * no request could name (an organization that is not a customer, a customer without Mission Control, an instance
 * that is not one of that customer's Mission Control instances) answers exactly as a made-up id does: a partner
 * learns nothing of other organizations by asking.
 */
const requestAsk = async (input: typeof AccessRequestInput.Type, { actor, store }: AskContext) => {
  const organization = (id: string) => store.run(Organizations.use((orgs) => orgs.get(id)));
  // The caller's own organization first: whether the customer exists is told only to a partner's user.
  const partner = await organization(actor.org);
  if (partner.kind !== "partner") throw forbidden("Only users of a partner organization request access");
  if (!partner.products.includes(PRODUCT))
    throw forbidden(`${partner.id} has not enabled Mission Control: enable it before requesting access`);
  const customer = await organization(input.customerOrg);
  if (customer.kind !== "customer" || !customer.products.includes(PRODUCT))
    throw notFound("organization", input.customerOrg);
  if (input.instance !== undefined) {
    const instanceId = input.instance;
    const instance = await store.run(Effect.option(Instances.use((i) => i.get(instanceId))));
    if (Option.isNone(instance) || instance.value.org !== customer.id || instance.value.product !== PRODUCT)
      throw notFound("instance", instanceId);
  }
  return [];
};

/** The role an approval grants (the domain's rule: another than the one asked for on the direct path only). */
const roleGranted = (request: AccessRequestRecord, input: { readonly role?: string }): string =>
  Result.getOrThrowWith(grantedRole(request, input.role), (refused) => badRequest(refused.message));

/** The status `event` moves `request` to, or the machine's refusal as `code` (the words are the domain's). */
const moved = (
  request: AccessRequestRecord,
  event: AccessRequestEvent,
  code: "BAD_REQUEST" | "CONFLICT",
): AccessRequestStatus =>
  Result.getOrThrowWith(
    nextAccessRequest(request, event),
    (refused) => new TRPCError({ code, message: refused.message }),
  );

/**
 * What the API asks before `actor` makes `event` on `request`, for the mover the domain names: the grantor's
 * engine.assign of `role` at the request's scope to the partner user, or being the requester.
 */
const rightTo = (event: AccessRequestEvent, request: AccessRequestRecord, actor: UserActor, role: string) => {
  switch (accessRequestMovers[event]) {
    case "grantor":
      return [
        {
          assign: {
            role,
            scope: scopeOf(request),
            targetOrg: request.partnerOrg,
            targetUser: request.userId,
          },
          // Denying gives nothing: the authority to give the role is asked, not whether it could be given now.
          ...(event === "deny" ? { refuses: true as const } : {}),
        },
      ];
    case "requester":
      if (request.userId !== actor.id)
        throw forbidden(`Only ${request.userId}, who asked, may ${event} access request ${request.id}`);
      return [];
    case "operator":
      // Asked by the procedure's builder (operatorOnly): the operator is no subject of the engine.
      return [];
  }
};

const decision = (input: { readonly approve: boolean }): AccessRequestEvent =>
  input.approve ? "approve" : "deny";

/**
 * The stored request, declared: the customer organization decides, so it is the boundary; then its assignment,
 * and once that is allowed, whether the request's status takes the decision (so `may` answers as the call does).
 */
const decideAsk = async (
  input: { readonly id: string; readonly role?: string; readonly approve: boolean },
  { actor, store }: AskContext,
): Promise<DeclaredChange> => {
  const request = await store.run(AccessRequests.use((a) => a.get(input.id)));
  return {
    orgs: [request.customerOrg],
    missing: missing("access request", input.id),
    ask: () => rightTo(decision(input), request, actor, roleGranted(request, input)),
    conflicts: async () => {
      moved(request, decision(input), "BAD_REQUEST");
    },
  };
};

/** A user's own requests: only users have any. */
const ownRequester = ({ actor }: QueryContext) => ({ value: actor.kind === "user" ? actor.id : undefined });

/**
 * The stored request, declared: it lies in its partner's and its customer's organizations (one of them is the
 * boundary); inside it, only its requester cancels it, while it is pending; nothing to ask the engine.
 */
const cancelAsk = async (
  input: { readonly id: string },
  { actor, store }: AskContext,
): Promise<DeclaredChange> => {
  const request = await store.run(AccessRequests.use((a) => a.get(input.id)));
  return {
    orgs: [request.partnerOrg, request.customerOrg],
    shared: true,
    missing: missing("access request", input.id),
    ask: () => {
      const questions = rightTo("cancel", request, actor, request.requestedRole);
      moved(request, "cancel", "CONFLICT");
      return questions;
    },
  };
};

/**
 * `event` on `request` by `by`, as one written change with what reaching `to` does (the domain's effects): the
 * grant of `role` made, or the support ticket opened. The store asks the machine again inside the write.
 */
const move = (
  request: AccessRequestRecord,
  event: AccessRequestEvent,
  to: AccessRequestStatus,
  by: string,
  role: string = request.requestedRole,
) =>
  Effect.gen(function* () {
    const requests = yield* AccessRequests;
    const effect = accessRequestEffects[to];
    if (effect !== "grant")
      return yield* requests.transition(request.id, {
        event,
        by,
        ...(effect === "ticket" ? { ticket: `GH-${request.id.slice(-8).toUpperCase()}` } : {}),
      });
    const grants = yield* Grants;
    const subject = { kind: "user", id: request.userId } as const;
    const scope = scopeOf(request);
    // The partner holds the role there already (asked for again, or given meanwhile): that grant answers it.
    const now = Date.now();
    const held = (yield* grants.list({ subject, role })).find(
      (g) => sameScope(g.scope, scope) && inForce(g.expiresAt?.getTime() ?? 0, now),
    );
    if (held !== undefined) return yield* requests.transition(request.id, { event, by, grantId: held.id });
    const grant = yield* grants.create({ subject, role, scope, grantedBy: by });
    const moved = yield* requests.transition(request.id, { event, by, grantId: grant.value.id });
    return { ...moved, changes: [...grant.changes, ...moved.changes] };
  });

const SUPPORT = "works the support-ticket queue: completes or rejects what customers approved";

/**
 * What completing a support ticket stands on: the customer's approval, still standing (whoever approved it may
 * still give the role there: an administrator since removed, deactivated or demoted approves nothing any more),
 * and a grant the engine calls valid (refused in the words grants.create gives, e.g. a partner that has since
 * disabled Mission Control). Read again under the customer's and the partner's write locks.
 */
const approvalStands = (request: AccessRequestRecord, engine: Engine): void => {
  const assignment = {
    role: request.requestedRole,
    scope: scopeOf(request),
    targetOrg: request.partnerOrg,
    targetUser: request.userId,
  };
  // A customer-approved ticket records its approver (the database's check): none is a broken row.
  if (request.decidedBy === null) throw new Error(`access request ${request.id} has no approver`);
  const { decision, reason } = engine.assign(request.decidedBy, assignment);
  if (decision === "invalid") throw badRequest(reason);
  if (decision === "deny")
    throw badRequest(
      "The customer's approval no longer stands: the administrator who approved it may no longer give this role there. Reject the ticket; the partner may ask again",
    );
};

/** Completing: the ticket customer-approved, its approval standing, its grant valid. */
const completing: OperatorStanding<{ readonly id: string }> = async (input, { store, engine }) => {
  const request = await store.run(AccessRequests.use((a) => a.get(input.id)));
  moved(request, "complete", "BAD_REQUEST");
  approvalStands(request, engine);
  return [request.customerOrg, request.partnerOrg];
};

/** Rejecting: the ticket customer-approved (nothing is granted, so nothing else stands in the way). */
const rejecting: OperatorStanding<{ readonly id: string }> = async (input, { store }) => {
  const request = await store.run(AccessRequests.use((a) => a.get(input.id)));
  moved(request, "reject", "BAD_REQUEST");
  return [];
};

/** The operator's answer to a support ticket (complete or reject), audited in the customer's organization. */
const operatorAnswer = async (
  ctx: { readonly actor: { readonly id: string }; readonly store: Store; readonly write: Write },
  id: string,
  event: "complete" | "reject",
) => {
  const request = await ctx.store.run(AccessRequests.use((a) => a.get(id)));
  const to = moved(request, event, "BAD_REQUEST");
  const { value } = await ctx.write({
    org: request.customerOrg,
    action: `access-request.${event}`,
    target: { kind: "access-request", id: request.id },
    run: move(request, event, to, ctx.actor.id),
  });
  return view(value);
};

/**
 * Reading `org`'s requests: within the boundary, a user who may read some of them (the domain's rule, asked at the
 * organization and anywhere in its Mission Control); API keys of the organization and the operator read them all.
 */
const listing = (input: typeof AccessRequestListInput.Type, { actor, engine }: QueryContext): Declared => {
  const reads =
    actor.kind !== "user" ||
    readsAccessRequests(
      {
        allows: (action, scope) => engine.allows(actor.id, action, scope),
        allowsWithin: (action, scope) => engine.allowsWithin(actor.id, action, scope),
      },
      input.org,
    );
  return {
    orgs: [input.org],
    ...(reads
      ? {}
      : {
          refuse:
            "You may not view this organization's partner access requests: they are read by its administrators who view its people or give Mission Control roles",
        }),
  };
};

export const accessRequestsRouter = router({
  /** A partner user asks `customerOrg` for a partner role (product-wide or on one instance). */
  request: authorizedMutation(AccessRequestInput, requestAsk).mutation(async ({ ctx, input }) => {
    const id = newId("acr");
    const { value } = await ctx.write({
      org: input.customerOrg,
      action: "access-request.create",
      target: { kind: "access-request", id },
      run: AccessRequests.use((a) =>
        a.create({
          id,
          partnerOrg: ctx.actor.org,
          customerOrg: input.customerOrg,
          userId: ctx.actor.id,
          requestedBy: ctx.actor.id,
          requestedRole: input.role,
          instance: input.instance,
          path: input.path,
          note: input.note,
        }),
      ),
    });
    return view(value);
  }),

  /** The signed-in user's own requests. */
  mine: authorizedRead(ownRequester).query(async ({ ctx }) => {
    const userId = ctx.declared;
    if (userId === undefined) return [];
    const requests = await ctx.store.run(AccessRequests.use((a) => a.list({ userId })));
    const home = ctx.actor.kind === "operator" ? undefined : ctx.actor.org;
    const names = await accessRequestNamer(
      ctx.store,
      ctx.engine,
      requests,
      (org) => org === home || ctx.engine.holdsGrantIn(userId, org),
    );
    return requests.map((r) => ({ ...view(r), ...names(r) }));
  }),

  /**
   * The requests addressed to `org` the reader may read (the domain's readsAccessRequest: all of them to who views
   * the organization's people, those it may decide to who gives Mission Control roles somewhere there),
   * optionally of one status; paged over those alone.
   */
  list: authorizedQuery(AccessRequestListInput, listing).query(async ({ ctx, input }) => {
    const requests = await ctx.store.run(
      AccessRequests.use((a) => a.list({ customerOrg: input.org, status: input.status })),
    );
    const questions = { allows: ctx.may };
    const page = pageOf(
      requests.filter((r) => readsAccessRequest(questions, input.org, scopeOf(r))),
      input,
    );
    // Within the boundary: the reader is of the customer, so it knows the customer.
    const names = await accessRequestNamer(ctx.store, ctx.engine, page, () => true);
    return page.map((r) => ({ ...view(r), ...names(r) }));
  }),

  /**
   * The customer's answer: approve (direct → grant now; support ticket → customer-approved) or deny (a pending
   * request, or its own approval of a support ticket still waiting for the operator: withdrawn, it ends denied).
   */
  decide: authorizedMutation(AccessRequestDecideInput, decideAsk).mutation(async ({ ctx, input }) => {
    const request = await ctx.store.run(AccessRequests.use((a) => a.get(input.id)));
    const event = decision(input);
    const to = moved(request, event, "BAD_REQUEST");
    const { value } = await ctx.write({
      org: request.customerOrg,
      action: input.approve ? "access-request.approve" : "access-request.deny",
      target: { kind: "access-request", id: request.id },
      run: move(request, event, to, ctx.actor.id, roleGranted(request, input)),
    });
    return view(value);
  }),

  /** The partner user withdraws its own pending request; the status re-read in the write keeps a race a CONFLICT. */
  cancel: authorizedMutation(AccessRequestCancelInput, cancelAsk).mutation(async ({ ctx, input }) => {
    const by = ctx.actor.id;
    const read = await ctx.store.run(AccessRequests.use((a) => a.get(input.id)));
    const { value } = await ctx.write({
      org: read.customerOrg,
      action: "access-request.cancel",
      target: { kind: "access-request", id: read.id },
      // Refused inside the write, the request changed since it was read: a CONFLICT.
      run: move(read, "cancel", moved(read, "cancel", "CONFLICT"), by).pipe(
        Effect.catchTag("InvalidChange", () =>
          Effect.fail(new VersionConflict({ kind: "access request", id: read.id, expected: read.version })),
        ),
      ),
    });
    return view(value);
  }),

  /** The operator's queue: support tickets waiting for it (customer-approved, the default) or those it answered. */
  queue: operatorOnly(SUPPORT)
    .input(inputSchema(SupportTicketQueueInput))
    .query(async ({ ctx, input }) => {
      const status = input.status ?? "customer-approved";
      return ctx.store.run(
        Effect.flatMap(
          AccessRequests.use((a) => a.list({ path: "support-ticket", status })),
          (requests) => Effect.forEach(requests, ticketView),
        ),
      );
    }),

  /** The operator completes a customer-approved support ticket whose approval stands: the grant is created. */
  complete: operatorMutation(SUPPORT, AccessRequestCompleteInput, completing).mutation(
    async ({ ctx, input }) => operatorAnswer(ctx, input.id, "complete"),
  ),

  /** The operator rejects a customer-approved support ticket: it ends denied, nothing is granted. */
  reject: operatorMutation(SUPPORT, AccessRequestCompleteInput, rejecting).mutation(async ({ ctx, input }) =>
    operatorAnswer(ctx, input.id, "reject"),
  ),
});

// The authorization API: check, checkMany, explain, whoCan and whatCan, answered by the engine (read-only).
// Who may ask about whom is decided once, here, before any question reaches the engine.
import { GrantScope, Id, ListPage } from "@gatehouse/contracts";
import { type Engine, type Resource, ResourceAttributes } from "@gatehouse/domain";
import { TRPCError } from "@trpc/server";
import { Schema } from "effect";
import type { Actor } from "../context.ts";
import { pageOf } from "../list-page.ts";
import { protectedProcedure, router } from "../trpc.ts";

/*
 * Who may ask (also in docs/decisions.md, "Authorization API"):
 * - `subject` defaults to the actor. A user may always ask about itself, on any resource.
 * - A user may ask about another subject (and call whoCan) only when the engine allows it
 *   `admin-center:user.view` at the org scope `{ org: resource.org }` of every resource asked about.
 * - An API key (a product backend) must name the subject; it may ask about subjects whose home org is its
 *   own org, and about resources of its own org only. whoCan: resources of its own org.
 * - The platform operator may ask anything (it is not a subject itself, so it names one).
 * Anything else is FORBIDDEN. Unknown actions and subjects are BAD_REQUEST (errors.ts). Nothing is written.
 */

/** At most this many checks per checkMany call. */
export const MAX_CHECKS = 1000;

const NonEmpty = Id;
/** A resource as inputs name it: a bounded scope path plus the attributes conditions read. */
const ResourceInput = Schema.Struct({ ...GrantScope.fields, attrs: Schema.optional(ResourceAttributes) });
const Check = Schema.Struct({ action: NonEmpty, resource: ResourceInput });

const CheckInput = Schema.Struct({ subject: Schema.optionalKey(NonEmpty), ...Check.fields });
const CheckManyInput = Schema.Struct({
  subject: Schema.optionalKey(NonEmpty),
  checks: Schema.Array(Check).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(MAX_CHECKS))),
});
const WhoCanInput = Schema.Struct({ ...ListPage.fields, ...Check.fields });
const WhatCanInput = Schema.Struct({ subject: Schema.optionalKey(NonEmpty), resource: ResourceInput });

const USER_VIEW = "admin-center:user.view";

/**
 * The resource in the one shape the engine reads fastest (all six scope keys, then attrs): decoded inputs
 * carry only the keys the caller sent, and many shapes make the engine's property reads megamorphic.
 */
const oneShape = (r: Resource): Resource => ({
  org: r.org,
  product: r.product,
  instance: r.instance,
  project: r.project,
  environment: r.environment,
  flag: r.flag,
  attrs: r.attrs,
});

const forbidden = (message: string): TRPCError => new TRPCError({ code: "FORBIDDEN", message });

/** The administered place a resource lies in: its organization, product, instance and project. */
const adminScope = (r: Resource): Resource =>
  oneShape({
    org: r.org,
    ...(r.product === undefined ? {} : { product: r.product }),
    ...(r.instance === undefined ? {} : { instance: r.instance }),
    ...(r.project === undefined ? {} : { project: r.project }),
  });

/**
 * A user may look at other subjects' access on a resource when it may view the users of the place the resource
 * lies in (an organization's super admin everywhere in it, a project owner in its project).
 */
const requireUserView = (engine: Engine, actor: Actor & { kind: "user" }, resource: Resource): void => {
  const place = adminScope(resource);
  if (!engine.allows(actor.id, USER_VIEW, place)) {
    const where = [place.org, place.product, place.instance, place.project].filter(Boolean).join(" › ");
    throw forbidden(`${actor.id} may not view the users of ${where} (needs ${USER_VIEW})`);
  }
};

const requireOwnOrg = (actor: Actor & { kind: "api-key" }, org: string, what: string): void => {
  if (org !== actor.org) throw forbidden(`this API key belongs to ${actor.org}; ${what} is in ${org}`);
};

/**
 * The subject a question is about, after checking that `actor` may ask about it on every resource asked about.
 */
export const authorizeSubject = (
  engine: Engine,
  actor: Actor,
  subject: string | undefined,
  resources: ReadonlyArray<Resource>,
): string => {
  switch (actor.kind) {
    case "operator":
      if (subject === undefined)
        throw new TRPCError({ code: "BAD_REQUEST", message: "subject: required for the operator" });
      return subject;
    case "api-key": {
      if (subject === undefined)
        throw new TRPCError({ code: "BAD_REQUEST", message: "subject: required for an API key" });
      requireOwnOrg(actor, engine.snapshot.subject(subject).org, `subject ${subject}`);
      for (const org of orgsOf(resources)) requireOwnOrg(actor, org, "the resource");
      return subject;
    }
    case "user":
      if (subject === undefined || subject === actor.id) return actor.id;
      for (const resource of resources) requireUserView(engine, actor, resource);
      return subject;
  }
};

/** Whether `actor` may list who can act on `resource` (the same as asking about others there). */
const authorizeWhoCan = (engine: Engine, actor: Actor, resource: Resource): void => {
  if (actor.kind === "user") requireUserView(engine, actor, resource);
  else if (actor.kind === "api-key") requireOwnOrg(actor, resource.org, "the resource");
};

/** The distinct orgs of the resources, in first-seen order (usually one). */
const orgsOf = (resources: ReadonlyArray<Resource>): string[] => {
  const out: string[] = [];
  for (const r of resources) if (!out.includes(r.org)) out.push(r.org);
  return out;
};

export const authzRouter = router({
  check: protectedProcedure.input(Schema.toStandardSchemaV1(CheckInput)).query(({ ctx, input }) => {
    const subject = authorizeSubject(ctx.engine, ctx.actor, input.subject, [input.resource]);
    return ctx.engine.check(subject, input.action, oneShape(input.resource));
  }),
  // A mutation in tRPC's terms only so that it travels as a POST body (a query's input goes in the URL, where
  // 1000 checks do not fit); it changes nothing.
  checkMany: protectedProcedure
    .input(Schema.toStandardSchemaV1(CheckManyInput))
    .mutation(({ ctx, input }) => {
      const { engine } = ctx;
      const subject = authorizeSubject(
        engine,
        ctx.actor,
        input.subject,
        input.checks.map((c) => c.resource),
      );
      return input.checks.map((c) => engine.check(subject, c.action, oneShape(c.resource)));
    }),
  explain: protectedProcedure.input(Schema.toStandardSchemaV1(CheckInput)).query(({ ctx, input }) => {
    const subject = authorizeSubject(ctx.engine, ctx.actor, input.subject, [input.resource]);
    return ctx.engine.explain(subject, input.action, oneShape(input.resource));
  }),
  whoCan: protectedProcedure.input(Schema.toStandardSchemaV1(WhoCanInput)).query(({ ctx, input }) => {
    authorizeWhoCan(ctx.engine, ctx.actor, input.resource);
    return pageOf(ctx.engine.whoCan(input.action, oneShape(input.resource)), input);
  }),
  whatCan: protectedProcedure.input(Schema.toStandardSchemaV1(WhatCanInput)).query(({ ctx, input }) => {
    const subject = authorizeSubject(ctx.engine, ctx.actor, input.subject, [input.resource]);
    return ctx.engine.whatCan(subject, oneShape(input.resource));
  }),
});

// The authorization API: check, checkMany, explain, whoCan and whatCan, answered by the engine (read-only).
// Who may ask about whom is declared here and decided by authorizedQuery before any question reaches the engine.
import { ConsistencyToken, GrantScope, Id, ListPage } from "@gatehouse/contracts";
import { type Explanation, type Resource, ResourceAttributes } from "@gatehouse/domain";
import { Schema } from "effect";
import { type Ask, authorizedQuery, type Declared, type QueryContext, seenBy } from "../authorize.ts";
import type { Actor } from "../context.ts";
import { pageOf } from "../list-page.ts";
import { namedExplanation } from "../names/explanation-names.ts";
import { badRequest } from "../refusals.ts";
import { router } from "../trpc.ts";

// Rules: docs/decisions.md#api-authz-questions (who may ask about whom; declared through authorizedQuery).

/** At most this many checks per checkMany call. */
export const MAX_CHECKS = 1000;

/** A resource as inputs name it: a bounded scope path plus the attributes conditions read. */
const ResourceInput = Schema.Struct({ ...GrantScope.fields, attrs: Schema.optional(ResourceAttributes) });
const Check = Schema.Struct({ action: Id, resource: ResourceInput });

/** Answer once this process applied the change of this consistency token (authorizedQuery waits for it). */
const atLeast = Schema.optionalKey(ConsistencyToken);

const CheckInput = Schema.Struct({ subject: Schema.optionalKey(Id), ...Check.fields, atLeast });
const CheckManyInput = Schema.Struct({
  subject: Schema.optionalKey(Id),
  checks: Schema.Array(Check).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(MAX_CHECKS))),
  atLeast,
});
const WhoCanInput = Schema.Struct({ ...ListPage.fields, ...Check.fields, atLeast });
const WhatCanInput = Schema.Struct({ subject: Schema.optionalKey(Id), resource: ResourceInput, atLeast });

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

/** A user may look at others' access where it may view the users of the place the resource lies in. */
const userView = (actor: string, resource: Resource): Ask => {
  const place = adminScope(resource);
  const where = [place.org, place.product, place.instance, place.project].filter(Boolean).join(" › ");
  return {
    check: { action: USER_VIEW, resource: place },
    refusal: `${actor} may not view the users of ${where} (needs ${USER_VIEW})`,
  };
};

/** The administered place a resource lies in: its organization, product, instance and project. */
const adminScope = (r: Resource): Resource =>
  oneShape({
    org: r.org,
    ...(r.product === undefined ? {} : { product: r.product }),
    ...(r.instance === undefined ? {} : { instance: r.instance }),
    ...(r.project === undefined ? {} : { project: r.project }),
  });

const required = (kind: string) => badRequest(`subject: required for ${kind}`);

/** A user's question about itself: nothing to declare (the engine answers; see `seenBy`). */
const SELF: Declared = {};

/** The distinct organizations of the questions' resources, in first-seen order (usually one). */
const orgsOf = (questions: ReadonlyArray<{ readonly resource: Resource }>): string[] => {
  const out: string[] = [];
  for (const q of questions) if (!out.includes(q.resource.org)) out.push(q.resource.org);
  return out;
};

/**
 * Who the answer is about and what that takes, for `actor` asking about `subject` on the questions' resources.
 * A user's question about itself declares nothing and allocates nothing (the hot path).
 */
const about = (
  actor: Actor,
  subject: string | undefined,
  questions: ReadonlyArray<{ readonly resource: Resource }>,
): Declared => {
  switch (actor.kind) {
    case "operator":
      if (subject === undefined) throw required("the operator");
      return { subject };
    case "api-key":
      if (subject === undefined) throw required("an API key");
      return { subject, orgs: orgsOf(questions) };
    case "user":
      if (subject === undefined || subject === actor.id) return SELF;
      return { subject, ask: questions.map((q) => userView(actor.id, q.resource)) };
  }
};

/** One question: the input itself carries its resource (a user asking about itself allocates nothing). */
const aboutOne = (
  input: { readonly subject?: string; readonly resource: Resource },
  { actor }: QueryContext,
) =>
  actor.kind === "user" && (input.subject === undefined || input.subject === actor.id)
    ? SELF
    : about(actor, input.subject, [input]);

/** Listing who can act on `resource` is asking about others there. */
const aboutOthers = (actor: Actor, resource: Resource): Declared => {
  if (actor.kind === "user") return { ask: [userView(actor.id, resource)] };
  return actor.kind === "api-key" ? { orgs: [resource.org] } : SELF;
};

/** The subject asked about: named, or the actor itself. */
const subjectOf = (actor: Actor, subject: string | undefined): string => subject ?? actor.id;

/** Another subject's explanation shows only the grants in the resource's organization. */
const withinOrg = (explanation: Explanation, org: string): Explanation => {
  const inOrg = (g: { readonly scope: { readonly org: string } } | undefined) => g?.scope.org === org;
  return {
    ...explanation,
    considered: explanation.considered.filter((c) => inOrg(c.grant)),
    deciding: explanation.deciding.filter(inOrg),
    nearest: inOrg(explanation.nearest) ? explanation.nearest : undefined,
  };
};

export const authzRouter = router({
  check: authorizedQuery(CheckInput, aboutOne).query(({ ctx, input }) => {
    const subject = subjectOf(ctx.actor, input.subject);
    return ctx.engine.check(
      subject,
      input.action,
      seenBy(ctx.engine, ctx.actor, subject, oneShape(input.resource)),
    );
  }),
  // A mutation in tRPC's terms only so that it travels as a POST body (a query's input goes in the URL, where
  // 1000 checks do not fit); it changes nothing.
  checkMany: authorizedQuery(CheckManyInput, (input, { actor }) =>
    about(actor, input.subject, input.checks),
  ).mutation(({ ctx, input }) => {
    const { engine, actor } = ctx;
    const subject = subjectOf(actor, input.subject);
    return input.checks.map((c) =>
      engine.check(subject, c.action, seenBy(engine, actor, subject, oneShape(c.resource))),
    );
  }),
  explain: authorizedQuery(CheckInput, aboutOne).query(async ({ ctx, input }) => {
    const subject = subjectOf(ctx.actor, input.subject);
    const seen = seenBy(ctx.engine, ctx.actor, subject, oneShape(input.resource));
    const explanation = ctx.engine.explain(subject, input.action, seen);
    const answer =
      seen.org === input.resource.org
        ? explanation
        : { ...explanation, resource: { ...explanation.resource, org: input.resource.org } };
    const shown =
      subject === ctx.actor.id || ctx.actor.kind === "operator"
        ? answer
        : withinOrg(answer, input.resource.org);
    return namedExplanation(ctx.auth === undefined ? undefined : ctx.store, shown);
  }),
  whoCan: authorizedQuery(WhoCanInput, (input, { actor }) => aboutOthers(actor, input.resource)).query(
    ({ ctx, input }) => pageOf(ctx.engine.whoCan(input.action, oneShape(input.resource)), input),
  ),
  whatCan: authorizedQuery(WhatCanInput, aboutOne).query(({ ctx, input }) => {
    const subject = subjectOf(ctx.actor, input.subject);
    return ctx.engine.whatCan(subject, seenBy(ctx.engine, ctx.actor, subject, oneShape(input.resource)));
  }),
});

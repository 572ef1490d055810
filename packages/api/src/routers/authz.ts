// The authorization API: check, checkMany, checkResources, explain, whoCan and whatCan, answered by the engine (read-only).
// Who may ask about whom is declared here (check's and checkMany's in check-decisions.ts, shared with /v1) and
// decided by authorizedQuery before any question reaches the engine.
import { ListPage } from "@gatehouse/contracts";
import {
  atLeast,
  Check,
  CheckInput,
  CheckManyInput,
  CheckResourcesInput,
  WhatCanInput,
} from "@gatehouse/contracts/check-inputs";
import type { Explanation, Resource } from "@gatehouse/domain";
import { Schema } from "effect";
import { authorizedQuery, type Declared, seenBy } from "../authorize.ts";
import {
  aboutChecks,
  aboutOne,
  aboutResources,
  decideCheck,
  decideChecks,
  decideResources,
  oneShape,
  SELF,
  subjectOf,
  userView,
} from "../check-decisions.ts";
import type { Actor } from "../context.ts";
import { pageOf } from "../list-page.ts";
import { namedExplanation } from "../names/explanation-names.ts";
import { hiddenFlagsOf, withoutHiddenFlags } from "../names/explanation-sight.ts";
import { router } from "../trpc.ts";

// Rules: docs/decisions.md#api-authz-questions (who may ask about whom; declared through authorizedQuery).

const WhoCanInput = Schema.Struct({ ...ListPage.fields, ...Check.fields, atLeast });

/** Listing who can act on `resource` is asking about others there. */
const aboutOthers = (actor: Actor, resource: Resource): Declared => {
  if (actor.kind === "user") return { ask: [userView(resource)] };
  return actor.kind === "api-key" ? { orgs: [resource.org] } : SELF;
};

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
  check: authorizedQuery(CheckInput, aboutOne).query(({ ctx, input }) => decideCheck(ctx, input)),
  // A mutation in tRPC's terms only so that it travels as a POST body (a query's input goes in the URL, where
  // 1000 checks do not fit); it changes nothing.
  checkMany: authorizedQuery(CheckManyInput, aboutChecks).mutation(({ ctx, input }) =>
    decideChecks(ctx, input),
  ),
  // A POST as checkMany is, for the same reason.
  checkResources: authorizedQuery(CheckResourcesInput, aboutResources).mutation(({ ctx, input }) =>
    decideResources(ctx, input),
  ),
  explain: authorizedQuery(CheckInput, aboutOne).query(async ({ ctx, input }) => {
    const subject = subjectOf(ctx.actor, input.subject);
    const seen = seenBy(ctx.engine, ctx.actor, subject, oneShape(input.resource));
    const explanation = ctx.engine.explain(subject, input.action, seen);
    const answer =
      seen.org === input.resource.org
        ? explanation
        : { ...explanation, resource: { ...explanation.resource, org: input.resource.org } };
    const inOrg =
      subject === ctx.actor.id || ctx.actor.kind === "operator"
        ? answer
        : withinOrg(answer, input.resource.org);
    // A flag hidden from the reader (flag-none) is named nowhere in its answer.
    const hidden = hiddenFlagsOf(inOrg, ctx.may);
    const shown = withoutHiddenFlags(inOrg, hidden, input.resource.flag);
    return namedExplanation(ctx.auth === undefined ? undefined : ctx.store, shown, hidden);
  }),
  whoCan: authorizedQuery(WhoCanInput, (input, { actor }) => aboutOthers(actor, input.resource)).query(
    ({ ctx, input }) => pageOf(ctx.engine.whoCan(input.action, oneShape(input.resource)), input),
  ),
  whatCan: authorizedQuery(WhatCanInput, aboutOne).query(({ ctx, input }) => {
    const subject = subjectOf(ctx.actor, input.subject);
    return ctx.engine.whatCan(subject, seenBy(ctx.engine, ctx.actor, subject, oneShape(input.resource)));
  }),
});

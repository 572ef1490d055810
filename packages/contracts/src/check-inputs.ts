// The inputs of the decision questions (check, checkMany, checkResources, explain, whatCan) as Effect schemas: tRPC's
// authz router, the /v1 decision API and @gatehouse/sdk decode with these; the OpenAPI document is generated from them.
import { type AskingActions, askedActions, ResourceAttributes } from "@gatehouse/domain";
import { Schema } from "effect";
import { ConsistencyToken, Id } from "./fields.ts";
import { GrantScope } from "./scope.ts";

/** At most this many checks per checkMany call, and decisions per checkResources call. */
export const MAX_CHECKS = 1000;

/** A resource as inputs name it: a bounded scope path plus the attributes conditions read. */
export const ResourceInput = Schema.Struct({
  ...GrantScope.fields,
  attrs: Schema.optional(ResourceAttributes),
});

/** Answer once this process applied the change of this consistency token (authorizeQuery waits for it). */
export const atLeast = Schema.optionalKey(ConsistencyToken);

/** Whether `value` is a consistency token the server takes (decimal, at most PostgreSQL's largest bigint). */
export const isConsistencyToken = Schema.is(ConsistencyToken);

/** One question: may the subject do `action` on `resource`? */
export const Check = Schema.Struct({ action: Id, resource: ResourceInput });

/** check (and explain): one question about `subject`, the asking user itself when none is named. */
export const CheckInput = Schema.Struct({ subject: Schema.optionalKey(Id), ...Check.fields, atLeast });

/** whatCan: which actions `subject` (the asking user itself when none is named) may do on `resource`. */
export const WhatCanInput = Schema.Struct({
  subject: Schema.optionalKey(Id),
  resource: ResourceInput,
  atLeast,
});

/** checkMany: 1 to MAX_CHECKS questions about one subject, answered in their order. */
export const CheckManyInput = Schema.Struct({
  subject: Schema.optionalKey(Id),
  checks: Schema.Array(Check).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(MAX_CHECKS))),
  atLeast,
});

/** 1 to MAX_CHECKS actions, answered in their order. */
const Actions = Schema.Array(Id).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(MAX_CHECKS)));

/** One resource of checkResources, with the actions asked of it (else the input's `actions`). */
export const ResourceActions = Schema.Struct({
  resource: ResourceInput,
  actions: Schema.optionalKey(
    Actions.annotate({
      description: "The actions asked of this resource, in their order (else the input's `actions`)",
    }),
  ),
});

/** Every resource is asked something, and at most MAX_CHECKS decisions in all. */
const askedWithinBounds = Schema.makeFilter((input: AskingActions) => {
  let n = 0;
  for (const [i, r] of input.resources.entries()) {
    const actions = askedActions(input, r);
    if (actions.length === 0)
      return {
        path: ["resources", i, "actions"],
        issue: "name the actions to ask of this resource (or `actions` for every resource that names none)",
      };
    n += actions.length;
  }
  return (
    n <= MAX_CHECKS || {
      path: ["resources"],
      issue: `ask for at most ${MAX_CHECKS} decisions in all (every action of every resource counts)`,
    }
  );
});

/**
 * checkResources: actions on each of 1 to MAX_CHECKS resources about one subject, at most MAX_CHECKS decisions in
 * all. A resource names its own `actions`, or is asked the input's `actions` (a list page asking the same of each row).
 */
export const CheckResourcesInput = Schema.Struct({
  subject: Schema.optionalKey(Id),
  actions: Schema.optionalKey(
    Actions.annotate({ description: "The actions asked of every resource that names none of its own" }),
  ),
  resources: Schema.Array(ResourceActions).pipe(
    Schema.check(Schema.isMinLength(1), Schema.isMaxLength(MAX_CHECKS)),
  ),
  atLeast,
}).pipe(Schema.check(askedWithinBounds));

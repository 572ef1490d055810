// The inputs of the decision questions (check, checkMany, checkResources, explain, whatCan) as Effect schemas: tRPC's
// authz router, the /v1 decision API and @gatehouse/sdk decode with these; the OpenAPI document is generated from them.
import { askedActions, ResourceAttributes } from "@gatehouse/domain";
import { Schema } from "effect";
import { ConsistencyToken, Id } from "./fields.ts";
import { GrantScope } from "./scope.ts";

/** At most this many checks per checkMany call, and decisions per checkResources call. */
export const MAX_CHECKS = 1000;

/**
 * At most this many audience uses asked about per call, each decision counting the uses its resource lists
 * (`attrs.usedBy`): an audience action reads every one, so this bounds what one call costs (about 80 ms here) where
 * a batch asks many decisions of one resource.
 */
export const MAX_AUDIENCE_USES_ASKED = 50_000;

/** How many audience uses `attrs` lists. */
export const usesIn = (attrs: { readonly usedBy?: ReadonlyArray<unknown> | undefined } | undefined): number =>
  attrs?.usedBy?.length ?? 0;

/** The refusal of a call asking about more audience uses than MAX_AUDIENCE_USES_ASKED. */
export const tooManyUsesAsked = (field: string) => ({
  path: [field],
  issue:
    `ask about at most ${MAX_AUDIENCE_USES_ASKED} audience uses in all (each decision counts the uses its ` +
    "resource's `attrs.usedBy` lists)",
});

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

/** Every resource is asked something, at most MAX_CHECKS decisions in all, and at most MAX_AUDIENCE_USES_ASKED uses. */
const askedWithinBounds = Schema.makeFilter(
  (input: {
    readonly actions?: ReadonlyArray<string>;
    readonly resources: ReadonlyArray<{
      readonly actions?: ReadonlyArray<string>;
      readonly resource: { readonly attrs?: { readonly usedBy?: ReadonlyArray<unknown> } | undefined };
    }>;
  }) => {
    let n = 0;
    let uses = 0;
    for (const [i, r] of input.resources.entries()) {
      const actions = askedActions(input, r);
      if (actions.length === 0)
        return {
          path: ["resources", i, "actions"],
          issue: "name the actions to ask of this resource (or `actions` for every resource that names none)",
        };
      n += actions.length;
      uses += actions.length * usesIn(r.resource.attrs);
    }
    if (n > MAX_CHECKS)
      return {
        path: ["resources"],
        issue: `ask for at most ${MAX_CHECKS} decisions in all (every action of every resource counts)`,
      };
    return uses <= MAX_AUDIENCE_USES_ASKED || tooManyUsesAsked("resources");
  },
);

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

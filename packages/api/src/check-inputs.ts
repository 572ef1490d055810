// The inputs of the decision questions (check, checkMany, explain, whoCan, whatCan) as Effect schemas, in one place:
// tRPC's authz router and the /v1 decision API decode with these, and the OpenAPI document is generated from them.
import { ConsistencyToken, GrantScope, Id } from "@gatehouse/contracts";
import { ResourceAttributes } from "@gatehouse/domain";
import { Schema } from "effect";

/** At most this many checks per checkMany call. */
export const MAX_CHECKS = 1000;

/** A resource as inputs name it: a bounded scope path plus the attributes conditions read. */
export const ResourceInput = Schema.Struct({
  ...GrantScope.fields,
  attrs: Schema.optional(ResourceAttributes),
});

/** Answer once this process applied the change of this consistency token (authorizeQuery waits for it). */
export const atLeast = Schema.optionalKey(ConsistencyToken);

/** One question: may the subject do `action` on `resource`? */
export const Check = Schema.Struct({ action: Id, resource: ResourceInput });

/** check (and explain): one question about `subject`, the asking user itself when none is named. */
export const CheckInput = Schema.Struct({ subject: Schema.optionalKey(Id), ...Check.fields, atLeast });

/** checkMany: 1 to MAX_CHECKS questions about one subject, answered in their order. */
export const CheckManyInput = Schema.Struct({
  subject: Schema.optionalKey(Id),
  checks: Schema.Array(Check).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(MAX_CHECKS))),
  atLeast,
});

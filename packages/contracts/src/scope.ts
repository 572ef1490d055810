// Scopes as inputs name them: the same path as the domain's Scope (org first, then product, instance, project,
// environment, flag), each segment an Id, so a scope in any input is bounded and free of NUL characters.
import { Schema } from "effect";
import { Id } from "./fields.ts";

/** Where a grant is placed, or what a question is about: the same path as the domain's Scope. */
export const GrantScope = Schema.Struct({
  org: Id,
  product: Schema.optional(Id),
  instance: Schema.optional(Id),
  project: Schema.optional(Id),
  environment: Schema.optional(Id),
  flag: Schema.optional(Id),
});

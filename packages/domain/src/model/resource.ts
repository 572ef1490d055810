// A resource a decision is asked about: a scope path plus the attributes conditions read.
// Attributes are optional; a condition that needs a missing one fails closed.
import { Schema } from "effect";
import { Scope } from "./scope.ts";

/** A Feature Experimentation flag's status: the one list the store, the API and conditions use. */
export const FlagStatus = Schema.Literals(["draft", "running", "paused"]);
export type FlagStatus = typeof FlagStatus.Type;

export const ResourceAttributes = Schema.Struct({
  production: Schema.optionalKey(Schema.Boolean),
  flagStatus: Schema.optionalKey(FlagStatus),
  rulesetPublished: Schema.optionalKey(Schema.Boolean),
  flagHasExperiment: Schema.optionalKey(Schema.Boolean),
  changeKind: Schema.optionalKey(Schema.Literals(["visual-editor", "code-editor", "extension"])),
  assignedToSubject: Schema.optionalKey(Schema.Boolean),
  sharedWithSubject: Schema.optionalKey(Schema.Boolean),
  platform: Schema.optionalKey(Schema.Literals(["web", "feature"])),
});
export type ResourceAttributes = typeof ResourceAttributes.Type;

export const Resource = Schema.Struct({
  ...Scope.fields,
  attrs: Schema.optional(ResourceAttributes),
});
export type Resource = typeof Resource.Type;

// A resource a decision is asked about: a scope path plus the attributes conditions read.
// Attributes are optional; a condition that needs a missing one fails closed.
import { Schema } from "effect";
import { Scope } from "./scope.ts";

/** A Feature Experimentation flag's status: the one list the store, the API and conditions use. */
export const FlagStatus = Schema.Literals(["draft", "running", "paused"]);
export type FlagStatus = typeof FlagStatus.Type;

/**
 * One place an audience is used: a flag's ruleset in one environment (the environment may be left out when only the
 * flag is known), with that environment's `production` and the flag's status there; the names, when given, are how
 * explanations name the use (else by its ids).
 */
export const AudienceUse = Schema.Struct({
  flag: Schema.String,
  environment: Schema.optionalKey(Schema.String),
  production: Schema.optionalKey(Schema.Boolean),
  flagStatus: Schema.optionalKey(FlagStatus),
  flagName: Schema.optionalKey(Schema.String),
  environmentName: Schema.optionalKey(Schema.String),
  /** The reader may not see the flag (flag-none): explanations call it "a flag hidden from you", never by id. */
  hidden: Schema.optionalKey(Schema.Boolean),
});
export type AudienceUse = typeof AudienceUse.Type;

/**
 * The most uses an audience's attributes may list. An audience action reads every use (its role is the lowest over
 * them), so a question's cost grows with them: the bound keeps one question's cost bounded, and the batch questions
 * bound their sum (MAX_AUDIENCE_USES_ASKED, contracts' check-inputs.ts).
 */
export const MAX_AUDIENCE_USES = 2000;

export const ResourceAttributes = Schema.Struct({
  production: Schema.optionalKey(Schema.Boolean),
  flagStatus: Schema.optionalKey(FlagStatus),
  rulesetPublished: Schema.optionalKey(Schema.Boolean),
  flagHasExperiment: Schema.optionalKey(Schema.Boolean),
  changeKind: Schema.optionalKey(Schema.Literals(["visual-editor", "code-editor", "extension"])),
  assignedToSubject: Schema.optionalKey(Schema.Boolean),
  sharedWithSubject: Schema.optionalKey(Schema.Boolean),
  platform: Schema.optionalKey(Schema.Literals(["web", "feature"])),
  /** An audience's uses (Feature projects): its role is the lowest over them; `[]` = no flag uses it. */
  usedBy: Schema.optionalKey(
    Schema.Array(AudienceUse).pipe(Schema.check(Schema.isMaxLength(MAX_AUDIENCE_USES))),
  ),
});
export type ResourceAttributes = typeof ResourceAttributes.Type;

export const Resource = Schema.Struct({
  ...Scope.fields,
  attrs: Schema.optional(ResourceAttributes),
});
export type Resource = typeof Resource.Type;

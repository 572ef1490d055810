// A scope is a path {org, product?, instance?, project?, environment?, flag?} read left to right (an absent key may
// also be given as undefined); a flag scope {…project, flag} leaves the environment out: the flag in every environment.
import { Schema } from "effect";

export const scopeKeys = ["org", "product", "instance", "project", "environment", "flag"] as const;
export type ScopeKey = (typeof scopeKeys)[number];

const Segment = Schema.String.pipe(Schema.check(Schema.isMinLength(1)));

export const Scope = Schema.Struct({
  org: Segment,
  product: Schema.optional(Segment),
  instance: Schema.optional(Segment),
  project: Schema.optional(Segment),
  environment: Schema.optional(Segment),
  flag: Schema.optional(Segment),
});
export type Scope = typeof Scope.Type;

const ORG = scopeKeys.indexOf("org");
const PRODUCT = scopeKeys.indexOf("product");
const INSTANCE = scopeKeys.indexOf("instance");
const PROJECT = scopeKeys.indexOf("project");
const ENVIRONMENT = scopeKeys.indexOf("environment");
const FLAG = scopeKeys.indexOf("flag");

/**
 * Index of the deepest key a scope sets (0 = org); -1 when a key is set after a gap. The one gap allowed is a
 * flag scope's missing environment ({…project, flag}, depth of the flag).
 */
export const scopeDepth = (scope: Scope): number =>
  // Named reads only: every decision asks this, and a key read by variable name is a slow, megamorphic lookup.
  depthOfKeys(scope.product, scope.instance, scope.project, scope.environment, scope.flag);

/** `scopeDepth` of the scope whose keys below the org are these (for a caller that has read them already). */
export const depthOfKeys = (
  product: string | undefined,
  instance: string | undefined,
  project: string | undefined,
  environment: string | undefined,
  flag: string | undefined,
): number => {
  if (product === undefined)
    return instance === undefined && project === undefined && environment === undefined && flag === undefined
      ? ORG
      : -1;
  if (instance === undefined)
    return project === undefined && environment === undefined && flag === undefined ? PRODUCT : -1;
  if (project === undefined) return environment === undefined && flag === undefined ? INSTANCE : -1;
  if (environment === undefined) return flag === undefined ? PROJECT : FLAG;
  return flag === undefined ? ENVIRONMENT : FLAG;
};

/** An environment scope {…project, environment}: one environment of a project, no flag. */
export const isEnvironmentScope = (scope: Scope): boolean =>
  scope.flag === undefined && scopeDepth(scope) === ENVIRONMENT;

/** A flag scope {…project, flag}: one flag in every environment of its project. */
export const isFlagScope = (scope: Scope): boolean =>
  scope.environment === undefined && scope.flag !== undefined && scopeDepth(scope) === FLAG;

/**
 * True when `outer` covers `inner`: same org and `outer`'s path is a prefix of `inner`'s, a flag scope's missing
 * environment matching every environment (the flag's ruleset in each).
 */
export const scopeCovers = (outer: Scope, inner: Scope): boolean => {
  const depth = scopeDepth(outer);
  for (let i = 0; i <= depth; i++) {
    const key = scopeKeys[i] as ScopeKey;
    if (outer[key] !== inner[key] && !(i === ENVIRONMENT && outer[key] === undefined)) return false;
  }
  return true;
};

/** Whether `a` and `b` are the same place (each covers the other). */
export const sameScope = (a: Scope, b: Scope): boolean => scopeCovers(a, b) && scopeCovers(b, a);

/** `acme/cms/cms1` style text for logs and explanations. */
export const formatScope = (scope: Scope): string =>
  scopeKeys
    .map((k) => scope[k])
    .filter((v) => v !== undefined)
    .join("/");

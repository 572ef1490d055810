// A scope path as the engine reads it: six segments (org … flag) at fixed depths, read once per decision into a
// reusable array; a flag needs only its project (a flag scope has no environment). The depths are written here only.
import type { Resource } from "../model/resource.ts";
import { depthOfKeys, type Scope } from "../model/scope.ts";

export type Path = Array<string | undefined>;

/** Segments in a scope path: depths run from ORG_DEPTH to FLAG_DEPTH (PATH_LENGTH - 1). */
export const PATH_LENGTH = 6;
export const ORG_DEPTH = 0;
export const PRODUCT_DEPTH = 1;
export const INSTANCE_DEPTH = 2;
export const PROJECT_DEPTH = 3;
export const ENVIRONMENT_DEPTH = 4;
export const FLAG_DEPTH = 5;

/** An empty path to read into. */
export const newPath = (): Path => new Array(PATH_LENGTH).fill(undefined);

/** Fills `into` with org, product, instance, project, environment, flag (undefined from the first gap on, the flag
 * excepted: it follows its project, with or without an environment). */
export const readPath = (scope: Scope, into: Path): Path => {
  into[ORG_DEPTH] = scope.org;
  into[PRODUCT_DEPTH] = scope.product;
  into[INSTANCE_DEPTH] = into[PRODUCT_DEPTH] === undefined ? undefined : scope.instance;
  into[PROJECT_DEPTH] = into[INSTANCE_DEPTH] === undefined ? undefined : scope.project;
  into[ENVIRONMENT_DEPTH] = into[PROJECT_DEPTH] === undefined ? undefined : scope.environment;
  into[FLAG_DEPTH] = into[PROJECT_DEPTH] === undefined ? undefined : scope.flag;
  return into;
};

/**
 * The check path's one read of a resource's keys: fills `into` as `readPath` does and returns the resource's depth as
 * `scopeDepth` does (-1 when a key is set below a missing one; `into` is then not to be read). Every key is read once,
 * by name, and in a function of its own: a decision reads only resources here, so when they come in one shape (see
 * engine.md) these reads stay monomorphic, where `readPath` and `scopeDepth` also see every scope a load reads.
 */
export const readResourcePath = (resource: Resource, into: Path): number => {
  const { org, product, instance, project, environment, flag } = resource;
  into[ORG_DEPTH] = org;
  into[PRODUCT_DEPTH] = product;
  into[INSTANCE_DEPTH] = instance;
  into[PROJECT_DEPTH] = project;
  into[ENVIRONMENT_DEPTH] = environment;
  into[FLAG_DEPTH] = flag;
  return depthOfKeys(product, instance, project, environment, flag);
};

/**
 * Whether a grant's segment `held` at depth `d` matches the asked path's `asked`: equal, or a flag scope's missing
 * environment (which matches every environment of the flag).
 */
export const segmentCovers = (held: string | undefined, asked: string | undefined, d: number): boolean =>
  held === asked || (held === undefined && d === ENVIRONMENT_DEPTH);

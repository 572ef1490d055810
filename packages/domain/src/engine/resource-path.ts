// A scope path as the engine reads it: six segments (org … flag) at fixed depths, read once per decision into a
// reusable array; a flag needs only its project (a flag scope has no environment). The depths are written here only.
import type { Resource } from "../model/resource.ts";
import { depthOfKeys, type Scope } from "../model/scope.ts";

export type Path = Array<string | undefined>;

/**
 * The depths as this module reads them: V8 reads an exported binding through its module cell, with a hole check, on
 * every use, where it folds a module-local constant, and a check reads the path here.
 */
const ORG = 0;
const PRODUCT = 1;
const INSTANCE = 2;
const PROJECT = 3;
const ENVIRONMENT = 4;
const FLAG = 5;

/** Segments in a scope path: depths run from ORG_DEPTH to FLAG_DEPTH (PATH_LENGTH - 1). */
export const PATH_LENGTH = 6;
export const ORG_DEPTH = ORG;
export const PRODUCT_DEPTH = PRODUCT;
export const INSTANCE_DEPTH = INSTANCE;
export const PROJECT_DEPTH = PROJECT;
export const ENVIRONMENT_DEPTH = ENVIRONMENT;
export const FLAG_DEPTH = FLAG;

/** An empty path to read into. */
export const newPath = (): Path => new Array(PATH_LENGTH).fill(undefined);

/** Fills `into` with org, product, instance, project, environment, flag (undefined from the first gap on, the flag
 * excepted: it follows its project, with or without an environment). */
export const readPath = (scope: Scope, into: Path): Path => {
  into[ORG] = scope.org;
  into[PRODUCT] = scope.product;
  into[INSTANCE] = into[PRODUCT] === undefined ? undefined : scope.instance;
  into[PROJECT] = into[INSTANCE] === undefined ? undefined : scope.project;
  into[ENVIRONMENT] = into[PROJECT] === undefined ? undefined : scope.environment;
  into[FLAG] = into[PROJECT] === undefined ? undefined : scope.flag;
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
  into[ORG] = org;
  into[PRODUCT] = product;
  into[INSTANCE] = instance;
  into[PROJECT] = project;
  into[ENVIRONMENT] = environment;
  into[FLAG] = flag;
  return depthOfKeys(product, instance, project, environment, flag);
};

/**
 * Whether a grant's segment `held` at depth `d` matches the asked path's `asked`: equal, or a flag scope's missing
 * environment (which matches every environment of the flag).
 */
export const segmentCovers = (held: string | undefined, asked: string | undefined, d: number): boolean =>
  held === asked || (held === undefined && d === ENVIRONMENT);

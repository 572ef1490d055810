// A scope path as the engine reads it: six segments (org … flag) at fixed depths, read once per decision into a
// reusable array; a flag needs only its project (a flag scope has no environment). The depths are written here only.
import type { Scope } from "../model/scope.ts";

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
 * Whether a grant's segment `held` at depth `d` matches the asked path's `asked`: equal, or a flag scope's missing
 * environment (which matches every environment of the flag).
 */
export const segmentCovers = (held: string | undefined, asked: string | undefined, d: number): boolean =>
  held === asked || (held === undefined && d === ENVIRONMENT_DEPTH);

// A scope path as the engine reads it: six segments (org … flag) at fixed depths, read once per decision
// into a reusable array. PATH_LENGTH and the depth names are the only place those numbers are written.
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

/** Fills `into` with org, product, instance, project, environment, flag (undefined from the first gap on). */
export const readPath = (scope: Scope, into: Path): Path => {
  into[ORG_DEPTH] = scope.org;
  into[PRODUCT_DEPTH] = scope.product;
  into[INSTANCE_DEPTH] = into[PRODUCT_DEPTH] === undefined ? undefined : scope.instance;
  into[PROJECT_DEPTH] = into[INSTANCE_DEPTH] === undefined ? undefined : scope.project;
  into[ENVIRONMENT_DEPTH] = into[PROJECT_DEPTH] === undefined ? undefined : scope.environment;
  into[FLAG_DEPTH] = into[ENVIRONMENT_DEPTH] === undefined ? undefined : scope.flag;
  return into;
};

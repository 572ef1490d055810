// The resource's six path segments, read once per decision into a reusable array.
// Decisions are synchronous and never nest across resources, so one scratch array serves them all.
import type { Scope } from "../model/scope.ts";

export type Path = Array<string | undefined>;

/** Fills `into` with org, product, instance, project, environment, flag (undefined from the first gap on). */
export const readPath = (scope: Scope, into: Path): Path => {
  into[0] = scope.org;
  into[1] = scope.product;
  into[2] = into[1] === undefined ? undefined : scope.instance;
  into[3] = into[2] === undefined ? undefined : scope.project;
  into[4] = into[3] === undefined ? undefined : scope.environment;
  into[5] = into[4] === undefined ? undefined : scope.flag;
  return into;
};

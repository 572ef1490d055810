// Test support: scope paths and resources written as segments, left to right, as the model reads them.
// path("acme", "experimentation", "e1", "p1") is {org, product, instance, project}; res() adds attributes.
import type { Resource, ResourceAttributes, Scope } from "../../src/index.ts";

export const path = (
  org: string,
  product?: string,
  instance?: string,
  project?: string,
  environment?: string,
  flag?: string,
): Scope => ({
  org,
  ...(product === undefined ? {} : { product }),
  ...(instance === undefined ? {} : { instance }),
  ...(project === undefined ? {} : { project }),
  ...(environment === undefined ? {} : { environment }),
  ...(flag === undefined ? {} : { flag }),
});

/** A resource at `scope` carrying `attrs` (omitted when empty, so conditions see no attribute at all). */
export const res = (scope: Scope, attrs: ResourceAttributes = {}): Resource =>
  Object.keys(attrs).length === 0 ? { ...scope } : { ...scope, attrs };

/**
 * Whether `outer` covers `inner` by the model's rule: same organization, `outer`'s path a prefix of `inner`'s, a
 * flag scope ({…project, flag}, no environment) covering its flag in every environment.
 */
export const covers = (outer: Scope, inner: Scope): boolean =>
  (["org", "product", "instance", "project", "environment", "flag"] as const).every(
    (k) => outer[k] === undefined || outer[k] === inner[k],
  ) && gapFree(outer);

/** No key set below a missing one, but a flag scope's environment. */
const gapFree = (scope: Scope): boolean => {
  const keys = ["product", "instance", "project", "environment", "flag"] as const;
  const set: Scope =
    scope.environment === undefined && scope.project !== undefined ? { ...scope, environment: "*" } : scope;
  const firstMissing = keys.findIndex((k) => set[k] === undefined);
  return firstMissing < 0 || keys.slice(firstMissing).every((k) => set[k] === undefined);
};

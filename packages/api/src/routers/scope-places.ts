// A grant's place must exist in the organization before it is written: an unknown product, instance or project
// is refused with the place named and what to do, instead of the database's foreign-key failure after the fact.
import { productsById, type Scope } from "@gatehouse/domain";
import { Instances, Projects } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";
import { badRequest } from "../refusals.ts";

/**
 * BAD_REQUEST naming `field` when `scope`'s product is unknown or its instance or project is not one of
 * `scope.org`'s (another organization's answers exactly as a made-up one). Call it once inside the boundary.
 */
export const checkPlaces = async (store: Store, scope: Scope, field: string): Promise<void> => {
  const product = scope.product === undefined ? undefined : productsById.get(scope.product);
  if (scope.product !== undefined && product === undefined)
    throw badRequest(`${field}.product: no product "${scope.product}"; use a product id such as "cms"`);
  const { instance, project } = scope;
  const [found, inProject] = await store.run(
    Effect.all([
      instance === undefined ? Effect.succeedNone : Effect.option(Instances.use((i) => i.get(instance))),
      project === undefined ? Effect.succeedNone : Effect.option(Projects.use((p) => p.get(project))),
    ]),
  );
  const label = product?.label ?? "";
  if (
    instance !== undefined &&
    (Option.isNone(found) || found.value.org !== scope.org || found.value.product !== scope.product)
  )
    throw badRequest(
      `${field}.instance: no ${label} instance "${instance}" in this organization; check the instance id on the ${label} instances page`,
    );
  if (
    project !== undefined &&
    (Option.isNone(inProject) || inProject.value.org !== scope.org || inProject.value.instance !== instance)
  )
    throw badRequest(
      `${field}.project: no project "${project}" in the instance "${instance}"; check the project id on the instance's projects page`,
    );
};

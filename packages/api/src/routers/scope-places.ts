// A grant's place must exist in the organization before it is written: an unknown product, instance, project,
// environment or flag is refused with the place named and what to do, instead of the database's foreign-key failure.
import { type Allows, productsById, type Scope, scopeDepth, seesFlag } from "@gatehouse/domain";
import { Environments, Flags, flagResource, Instances, Projects } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";
import { badRequest } from "../refusals.ts";

/**
 * BAD_REQUEST naming `field` when `scope`'s product is unknown, its instance or project is not one of `scope.org`'s,
 * or its environment or flag is not one of that project's (another organization's answers exactly as a made-up
 * one). A flag scope ({…project, flag}, no environment) is a place: the flag in every environment. With `reader`
 * (the actor's own question), a flag it does not see (flag-none) answers as a made-up one. Call it once inside
 * the boundary.
 */
export const checkPlaces = async (
  store: Store,
  scope: Scope,
  field: string,
  reader?: Allows,
): Promise<void> => {
  if (scopeDepth(scope) < 0)
    throw badRequest(
      `${field}: a scope key is set below a missing one (a flag needs its project; every other key the one above it)`,
    );
  const product = scope.product === undefined ? undefined : productsById.get(scope.product);
  if (scope.product !== undefined && product === undefined)
    throw badRequest(`${field}.product: no product "${scope.product}"; use a product id such as "cms"`);
  const { instance, project, environment, flag } = scope;
  const [found, inProject, inEnvironment, inFlag] = await store.run(
    Effect.all([
      instance === undefined ? Effect.succeedNone : Effect.option(Instances.use((i) => i.get(instance))),
      project === undefined ? Effect.succeedNone : Effect.option(Projects.use((p) => p.get(project))),
      environment === undefined
        ? Effect.succeedNone
        : Effect.option(Environments.use((e) => e.get(environment))),
      flag === undefined ? Effect.succeedNone : Effect.option(Flags.use((f) => f.get(flag))),
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
  if (environment !== undefined && (Option.isNone(inEnvironment) || inEnvironment.value.project !== project))
    throw badRequest(
      `${field}.environment: no environment "${environment}" in the project "${project}"; check the environment id on the project's environments page`,
    );
  const hidden =
    reader !== undefined &&
    Option.isSome(inProject) &&
    Option.isSome(inFlag) &&
    !seesFlag(reader, flagResource(inProject.value, inFlag.value));
  if (flag !== undefined && (Option.isNone(inFlag) || inFlag.value.project !== project || hidden))
    throw badRequest(
      `${field}.flag: no flag "${flag}" in the project "${project}"; check the flag id on the project's flags page`,
    );
};

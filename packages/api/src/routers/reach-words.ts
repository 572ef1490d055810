// Where a grant reaching a place's user list sits, in the words the list shows: "this instance", "product-wide"
// ("all environments" for Mission Control), "organization-wide", or the named place below ("project Checkout").
import { products } from "@gatehouse/domain";
import type { ListedPlace, ReachingGrant } from "@gatehouse/store";

const levels = ["product", "instance", "project", "environment", "flag"] as const;
/** The places a list is of, by depth (a list is of a product, an instance or a project). */
const nouns = ["product", "instance", "project"] as const;

/** How deep a place is, by its deepest key: 0 the organization, 1 a product, 2 an instance, 3 a project, … */
const depthOf = (scope: Partial<Record<(typeof levels)[number], string | null | undefined>>): number =>
  levels.findLastIndex((level) => scope[level] !== undefined && scope[level] !== null) + 1;

/** The words for the place a grant sits at, seen from the list of `place`. */
export const whereItSits = (place: ListedPlace, grant: ReachingGrant): string => {
  const here = depthOf(place);
  const at = depthOf(grant.scope);
  const { names, scope } = grant;
  const noun = nouns[here - 1];
  if (at === here && noun !== undefined) return `this ${noun}`;
  if (at === 0) return "organization-wide";
  if (at === 1) return products.find((p) => p.id === scope.product)?.productWide ?? "product-wide";
  if (at === 2) return `instance ${names.instance ?? scope.instance}`;
  if (at === 3) return `project ${names.project ?? scope.project}`;
  const environment = `environment ${names.environment ?? scope.environment}`;
  if (at === 4) return environment;
  // a flag role sits at the flag, in every environment (a permission may still sit at one environment's flag)
  return `flag ${names.flag ?? scope.flag} in ${scope.environment === null ? "every environment" : environment}`;
};

/** Where a role reaching `place` from elsewhere comes from: "Mission Control (all environments)", "group Ops". */
const originOf = (place: ListedPlace, grant: ReachingGrant): string => {
  const where = whereItSits(place, grant);
  if (grant.group !== null) return `group ${grant.group.name} (${where})`;
  const product = products.find((p) => p.id === grant.scope.product);
  return depthOf(grant.scope) === 1 && product !== undefined ? `${product.label} (${where})` : where;
};

/**
 * Why Remove access / Delete user has nothing to remove at `placeName`: `who` holds its roles there only from
 * above the place or through groups; says where each comes from and where to remove it instead.
 */
export const heldElsewhere = (
  who: string,
  placeName: string,
  place: ListedPlace,
  reaching: ReadonlyArray<ReachingGrant>,
): string => {
  const comes = reaching.map(
    (grant) => `${grant.roleName ?? grant.permission} comes from ${originOf(place, grant)}`,
  );
  const groups = [...new Set(reaching.flatMap((grant) => (grant.group === null ? [] : [grant.group.name])))];
  const todo = [
    ...(reaching.some((grant) => grant.group === null) ? ["remove it where it is given"] : []),
    ...(groups.length === 0 ? [] : [`remove them from group ${groups.join(", ")}`]),
  ].join(", or ");
  return `${who} holds no role at ${placeName} itself: ${comes.join("; ")}. To take it away, ${todo}.`;
};

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
  return at === 4 ? environment : `flag ${scope.flag} in ${environment}`;
};

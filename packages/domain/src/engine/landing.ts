// The Admin Center start page for a subject (seed 001): the widest admin level decides, narrowed to a product's
// instances, an instance's users or a project's users when that level reaches only one.
import { countingAs, grantsInForce } from "./admin-levels.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import { INSTANCE_DEPTH, ORG_DEPTH, PRODUCT_DEPTH, PROJECT_DEPTH } from "./resource-path.ts";
import type { Snapshot } from "./snapshot.ts";

export type Landing =
  | "products"
  | `instances:${string}`
  | `users:instance:${string}/${string}`
  | "projects"
  | `users:project:${string}`
  | "none";

export const landingOf = (snap: Snapshot, subject: Subject, now: number): Landing => {
  const levels = snap.catalog.adminLevels;
  const grants = grantsInForce(snap, subject, now).filter(
    (g) => g.node.ancestors[ORG_DEPTH]?.key === subject.org,
  );
  if (countingAs(grants, levels.superAdmin).length > 0) return "products";
  const products = countingAs(grants, levels.productAdmin);
  const instances = countingAs(grants, levels.instanceAdmin);
  const projects = countingAs(grants, levels.projectOwner);
  if (products.length === 0 && instances.length > 0) {
    // Seed 001: an instance admin has "only your product instances and users"; with one, it starts on its users.
    const reached = new Set([...instances, ...projects].map(instanceOf));
    const only = instanceOf(instances[0] as Grant);
    if (reached.size === 1 && only !== undefined) return `users:instance:${only}`;
  }
  if (products.length > 0 || instances.length > 0) {
    const reached = distinct([...products, ...instances, ...projects], PRODUCT_DEPTH);
    return reached.length === 1 && reached[0] !== "*" ? `instances:${reached[0]}` : "products";
  }
  if (projects.length > 0) {
    const projectNode = (g: Grant) =>
      g.node.depth >= PROJECT_DEPTH ? g.node.ancestors[PROJECT_DEPTH] : undefined;
    const reached = new Set(projects.map(projectNode));
    const only = projectNode(projects[0] as Grant);
    return reached.size === 1 && only !== undefined ? `users:project:${only.key}` : "projects";
  }
  return "none";
};

/** The grant's "product/instance", or undefined for a grant above an instance. */
const instanceOf = (g: Grant): `${string}/${string}` | undefined => {
  const product = g.node.ancestors[PRODUCT_DEPTH];
  const instance = g.node.depth >= INSTANCE_DEPTH ? g.node.ancestors[INSTANCE_DEPTH] : undefined;
  return product === undefined || instance === undefined ? undefined : `${product.key}/${instance.key}`;
};

/** The distinct path segments at `depth` of the grants' scopes ("*" for a grant above that depth). */
const distinct = (grants: ReadonlyArray<Grant>, depth: number): ReadonlyArray<string> => [
  ...new Set(grants.map((g) => g.node.ancestors[depth]?.key ?? "*")),
];

// The full product catalog: all eleven products of the permission model, as typed data.
// Adding a product means writing one module under ./products and listing it here.
import { adminCenter } from "./products/admin-center.ts";
import { cmp } from "./products/cmp.ts";
import { cms } from "./products/cms.ts";
import { collaboration } from "./products/collaboration.ts";
import { configuredCommerce } from "./products/configured-commerce.ts";
import { contentRecommendations } from "./products/content-recommendations.ts";
import { experimentation } from "./products/experimentation.ts";
import { missionControl } from "./products/mission-control.ts";
import { odp } from "./products/odp.ts";
import { pim } from "./products/pim.ts";
import { productRecommendations } from "./products/product-recommendations.ts";
import type { ProductDef } from "./types.ts";

export const products: ReadonlyArray<ProductDef> = [
  adminCenter,
  missionControl,
  experimentation,
  odp,
  pim,
  contentRecommendations,
  collaboration,
  productRecommendations,
  cmp,
  cms,
  configuredCommerce,
];

/** The catalog's products by id. */
export const productsById: ReadonlyMap<string, ProductDef> = new Map(products.map((p) => [p.id, p]));

/**
 * Whether `product` administers the others (`ProductDef.adminLevels`: the Admin Center): its roles are given at
 * every product's scopes, so it is no place of its own to invite to or to read an audit reach at.
 */
export const spansProducts = (product: string): boolean =>
  productsById.get(product)?.adminLevels !== undefined;

/** The products that administer the others (see `spansProducts`). */
export const spanningProducts: ReadonlyArray<ProductDef> = products.filter((p) => spansProducts(p.id));

// Branded identifiers of the catalog's vocabulary (products, roles, actions), so one is never passed for another.
// Role ids read `product:role`, action ids `product:entity.verb` (spec section 3).
import { Schema } from "effect";

export const ProductId = Schema.String.pipe(Schema.check(Schema.isMinLength(1)), Schema.brand("ProductId"));
export type ProductId = typeof ProductId.Type;
export const RoleId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[a-z][a-z-]*:.+$/u)),
  Schema.brand("RoleId"),
);
export type RoleId = typeof RoleId.Type;
export const ActionId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[a-z][a-z-]*:[A-Za-z0-9_.-]+$/u)),
  Schema.brand("ActionId"),
);
export type ActionId = typeof ActionId.Type;

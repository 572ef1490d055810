// Small constructors that keep the product modules readable: ids are checked by type, not by hand.
// They only shape data; nothing here decides anything.
import type { ActionId, ProductId, RoleId } from "../model/ids.ts";
import type { Condition } from "./condition.ts";
import type { ActionDef, FeatureLayer, PermissionDef, Platform, RoleDef, ScopeLevel } from "./types.ts";

export const productId = (id: string): ProductId => id as ProductId;
export const actionId = (product: string, name: string): ActionId => `${product}:${name}` as ActionId;
export const roleId = (product: string, name: string): RoleId => `${product}:${name}` as RoleId;

/** Declares a product's actions from `entity.verb` names, with a label for each. */
export const actionsOf = (
  product: string,
  entries: ReadonlyArray<readonly [name: string, label: string]>,
  extra: { readonly platform?: Platform; readonly layerOf?: (name: string) => FeatureLayer } = {},
): ReadonlyArray<ActionDef> =>
  entries.map(([name, label]) => ({
    id: actionId(product, name),
    label,
    ...(extra.platform ? { platform: extra.platform } : {}),
    ...(extra.layerOf ? { layer: extra.layerOf(name) } : {}),
  }));

/** A permission on `product:name`, optionally platform-bound and conditioned. */
export const permission = (
  product: string,
  name: string,
  options: { readonly platform?: Platform; readonly when?: Condition } = {},
): PermissionDef => ({ action: actionId(product, name), ...options });

/** Declares a system role holding unconditioned permissions on the named actions. */
export const role = (
  product: string,
  name: string,
  label: string,
  description: string,
  permissions: ReadonlyArray<string | PermissionDef>,
  options: { readonly implies?: ReadonlyArray<RoleId>; readonly levels?: ReadonlyArray<ScopeLevel> } = {},
): RoleDef => ({
  id: roleId(product, name),
  product: productId(product),
  label,
  description,
  permissions: permissions.map((p) => (typeof p === "string" ? permission(product, p) : p)),
  ...options,
});

/** Every action name of a list except the excluded ones. */
export const allExcept = (
  actions: ReadonlyArray<ActionDef>,
  product: string,
  excluded: ReadonlyArray<string>,
): ReadonlyArray<string> =>
  actions.map((a) => a.id.slice(product.length + 1)).filter((name) => !excluded.includes(name));

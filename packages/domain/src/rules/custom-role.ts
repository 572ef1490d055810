// The custom-role rule, in one place: which products allow custom roles, which actions a custom role may hold,
// where one may be granted and its default name `<Product>-<Instance>-<Role>`. Engine, store and API all ask it.
import { Result, Schema } from "effect";
import type { ProductDef } from "../catalog/types.ts";
import type { Scope } from "../model/scope.ts";

/** Why a custom role is refused; `field` is the input field at fault, `detail` what a person reads. */
export class CustomRoleRejected extends Schema.TaggedError<CustomRoleRejected>()("CustomRoleRejected", {
  reason: Schema.Literals(["unknown-product", "no-custom-roles", "foreign-action", "unnamed", "misplaced"]),
  field: Schema.String,
  detail: Schema.String,
}) {
  override get message() {
    return `${this.field}: ${this.detail}`;
  }
}

/** The products, by id (the domain's `products`, or the engine's compiled catalog). */
export type ProductLookup = Pick<ReadonlyMap<string, ProductDef>, "get">;

/** A custom role as the rule reads it: its product and actions. */
export interface CustomRoleDefinition {
  readonly product: string;
  readonly permissions: ReadonlyArray<string>;
}

/** Why `product` has no custom roles (and what to use instead), or undefined when it has them. */
export const noCustomRoles = (product: ProductDef): string | undefined =>
  product.customRoles
    ? undefined
    : [`${product.label} does not support custom roles`, product.customRolesInstead]
        .filter((part) => part !== undefined)
        .join(": ");

/** The product a custom role may be made for: a known one that allows custom roles. */
export const customRoleProduct = (
  catalog: ProductLookup,
  product: string,
): Result.Result<ProductDef, CustomRoleRejected> => {
  const def = catalog.get(product);
  if (def === undefined)
    return Result.fail(
      new CustomRoleRejected({
        reason: "unknown-product",
        field: "product",
        detail: `unknown product "${product}"`,
      }),
    );
  const refusal = noCustomRoles(def);
  return refusal === undefined
    ? Result.succeed(def)
    : Result.fail(new CustomRoleRejected({ reason: "no-custom-roles", field: "product", detail: refusal }));
};

/** A custom role's definition: a product that allows custom roles, and only that product's actions. */
export const checkCustomRole = (
  catalog: ProductLookup,
  role: CustomRoleDefinition,
): Result.Result<ProductDef, CustomRoleRejected> =>
  Result.flatMap(customRoleProduct(catalog, role.product), (def) => {
    const foreign = role.permissions.find((action) => !def.actions.some((a) => a.id === action));
    return foreign === undefined
      ? Result.succeed(def)
      : Result.fail(
          new CustomRoleRejected({
            reason: "foreign-action",
            field: "permissions",
            detail: `"${foreign}" is not an action of ${def.label}`,
          }),
        );
  });

/**
 * The default name `<Product>-<Instance>-<Role>` (without an instance, `<Product>-<Role>`), from the product's label,
 * the instance's name and the role's own name; a role without a name is refused.
 */
export const customRoleName = (parts: {
  readonly product: string;
  readonly instance?: string | undefined;
  readonly role: string | undefined;
}): Result.Result<string, CustomRoleRejected> => {
  const role = parts.role?.trim() ?? "";
  if (role === "")
    return Result.fail(
      new CustomRoleRejected({ reason: "unnamed", field: "roleName", detail: "a custom role needs a name" }),
    );
  return Result.succeed(
    [parts.product, ...(parts.instance === undefined ? [] : [parts.instance]), role].join("-"),
  );
};

/** A custom role as placement reads it: its name and the instance it was made for, if any. */
export interface PlacedCustomRole {
  readonly name: string;
  readonly instance: string | null;
}

/**
 * Where a custom role may be granted: a role made for an instance only there or below it (its projects). Which
 * organization knows the role is the engine's `roleIn`; the product of the scope is the engine's general rule.
 */
export const checkCustomRolePlacement = (
  role: PlacedCustomRole,
  scope: Scope,
  field = "role",
): Result.Result<void, CustomRoleRejected> =>
  role.instance === null || scope.instance === role.instance
    ? Result.void
    : Result.fail(
        new CustomRoleRejected({
          reason: "misplaced",
          field,
          detail: `the custom role "${role.name}" belongs to instance ${role.instance}: it can be granted only there or on its projects`,
        }),
      );

// A role: a system role from the catalog (read-only) or a custom role, a named set of one product's actions.
// Custom roles are created at a product instance and may start as a duplicate of another role.
import { Schema } from "effect";
import { ActionId, InstanceId, OrgId, ProductId, RoleId } from "./ids.ts";

export const RoleType = Schema.Literals(["system", "custom"]);

export class Role extends Schema.Class<Role>("Role")({
  id: RoleId,
  product: ProductId,
  type: RoleType,
  name: Schema.String,
  description: Schema.String,
  permissions: Schema.Array(ActionId),
  /** For custom roles: where it was created. */
  org: Schema.optionalKey(OrgId),
  instance: Schema.optionalKey(InstanceId),
}) {}

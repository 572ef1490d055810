// Inputs of the roles router: listing, reading, and creating, editing and deleting custom roles.
// The API decodes with these and the Admin Center's role forms validate with the same schemas.
import { Schema } from "effect";
import { Text as BoundedText, Id, TrimmedText, Version } from "./fields.ts";
import { ListPage } from "./list-page.ts";

const Text = TrimmedText(200);
const Description = BoundedText(1000);
/** The most actions a custom role lists (the largest product has fewer). */
const Permissions = Schema.Array(Id).pipe(Schema.check(Schema.isMaxLength(1000)));

export const ListRolesInput = Schema.Struct({
  ...ListPage.fields,
  product: Schema.optionalKey(Id),
  instance: Schema.optionalKey(Id),
  type: Schema.optionalKey(Schema.Literals(["system", "custom"])),
});
export const GetRoleInput = Schema.Struct({ id: Id });
export const CreateCustomRoleInput = Schema.Struct({
  /** The full name; by default `<Product>-<Instance>-<roleName>`. */
  name: Schema.optionalKey(Text),
  /** The role's own name, the last part of the default name; a duplicate defaults to its origin's name. */
  roleName: Schema.optionalKey(Text),
  description: Schema.optionalKey(Description),
  product: Id,
  instance: Id,
  duplicateFrom: Schema.optionalKey(Id),
  /** Action ids of the product; a duplicate defaults to its origin's. */
  permissions: Schema.optionalKey(Permissions),
});
/** A custom role as the new-role form has it so far: what `roles.validate` answers about before saving. */
export const ValidateCustomRoleInput = Schema.Struct({
  product: Id,
  instance: Id,
  roleName: Schema.optionalKey(Text),
  permissions: Schema.optionalKey(Permissions),
});
export const UpdateCustomRoleInput = Schema.Struct({
  id: Id,
  version: Version,
  name: Schema.optionalKey(Text),
  description: Schema.optionalKey(Description),
  /** The role's new action ids (all of the role's product), replacing the old set. */
  permissions: Schema.optionalKey(Permissions),
});

// Branded identifiers for every object of the model, so an org id is never passed where a role id belongs.
// Role ids read `product:role`, action ids `product:entity.verb` (spec section 3).
import { Schema } from "effect";

/** Most ids are any non-empty string; role and action ids follow `product:name`. */
const nonEmpty = Schema.String.pipe(Schema.check(Schema.isMinLength(1)));

export const OrgId = nonEmpty.pipe(Schema.brand("OrgId"));
export type OrgId = typeof OrgId.Type;
export const ProductId = nonEmpty.pipe(Schema.brand("ProductId"));
export type ProductId = typeof ProductId.Type;
export const InstanceId = nonEmpty.pipe(Schema.brand("InstanceId"));
export type InstanceId = typeof InstanceId.Type;
export const ProjectId = nonEmpty.pipe(Schema.brand("ProjectId"));
export type ProjectId = typeof ProjectId.Type;
export const EnvironmentId = nonEmpty.pipe(Schema.brand("EnvironmentId"));
export type EnvironmentId = typeof EnvironmentId.Type;
export const FlagId = nonEmpty.pipe(Schema.brand("FlagId"));
export type FlagId = typeof FlagId.Type;
export const UserId = nonEmpty.pipe(Schema.brand("UserId"));
export type UserId = typeof UserId.Type;
export const GroupId = nonEmpty.pipe(Schema.brand("GroupId"));
export type GroupId = typeof GroupId.Type;
export const GrantId = nonEmpty.pipe(Schema.brand("GrantId"));
export type GrantId = typeof GrantId.Type;
export const RoleId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[a-z][a-z-]*:.+$/)),
  Schema.brand("RoleId"),
);
export type RoleId = typeof RoleId.Type;
export const ActionId = Schema.String.pipe(
  Schema.check(Schema.isPattern(/^[a-z][a-z-]*:[A-Za-z0-9_.-]+$/)),
  Schema.brand("ActionId"),
);
export type ActionId = typeof ActionId.Type;

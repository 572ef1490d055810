// A group of users in one organization: custom groups, `Everyone`, and one product group per system role.
// Members inherit every grant made to the group.
import { Schema } from "effect";
import { GroupId, OrgId, RoleId, UserId } from "./ids.ts";

export const GroupKind = Schema.Literals(["custom", "everyone", "product"]);

export class Group extends Schema.Class<Group>("Group")({
  id: GroupId,
  org: OrgId,
  name: Schema.String,
  kind: GroupKind,
  /** For product groups: the system role the group stands for. */
  role: Schema.optionalKey(RoleId),
  members: Schema.Array(UserId),
}) {}

// A grant gives a user or a group a role, or one extra permission, at a scope, optionally until a time.
// Expired grants never count.
import { Schema } from "effect";
import { ActionId, GrantId, GroupId, RoleId, UserId } from "./ids.ts";
import { Scope } from "./scope.ts";

export const GrantSubject = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("user"), id: UserId }),
  Schema.Struct({ kind: Schema.Literal("group"), id: GroupId }),
]);

/** What a grant gives: exactly one role or exactly one extra permission. */
export const GrantGives = Schema.Union([
  Schema.Struct({ kind: Schema.Literal("role"), role: RoleId }),
  Schema.Struct({ kind: Schema.Literal("permission"), permission: ActionId }),
]);

export class Grant extends Schema.Class<Grant>("Grant")({
  id: GrantId,
  subject: GrantSubject,
  gives: GrantGives,
  scope: Scope,
  /** Epoch milliseconds after which the grant no longer counts. */
  expiresAt: Schema.optionalKey(Schema.Number),
}) {}

// A person who signs in; every user belongs to exactly one home organization.
// Grants in other organizations (a partner's Mission Control access) do not change the home.
import { Schema } from "effect";
import { OrgId, UserId } from "./ids.ts";

export class User extends Schema.Class<User>("User")({
  id: UserId,
  org: OrgId,
  email: Schema.String.pipe(Schema.check(Schema.isPattern(/^[^@\s]+@[^@\s]+$/))),
  name: Schema.String,
}) {}

// Inputs of inviting users: `users.invite` and the Admin Center's invite forms decode the same fields, so the
// browser refuses what the API would (an email's shape, the name's and language's lengths, grant counts).
import { Schema } from "effect";

const Id = Schema.String.pipe(Schema.check(Schema.isMinLength(1)));

/** One invitee's email, as `users.invite` accepts it. */
export const InviteEmail = Schema.String.pipe(
  Schema.check(Schema.isMinLength(3), Schema.isMaxLength(320), Schema.isPattern(/^[^@\s]+@[^@\s]+$/)),
);
/** The invitee's display name (the email's local part when omitted). */
export const InviteName = Schema.String.pipe(Schema.check(Schema.isMaxLength(200)));
/** A language tag such as `en` or `pt-BR`. */
export const InviteLanguage = Schema.String.pipe(Schema.check(Schema.isMinLength(2), Schema.isMaxLength(35)));

/** Where a grant is placed: the same path as the domain's Scope. */
export const GrantScope = Schema.Struct({
  org: Id,
  product: Schema.optional(Id),
  instance: Schema.optional(Id),
  project: Schema.optional(Id),
  environment: Schema.optional(Id),
  flag: Schema.optional(Id),
});
export const InviteGrant = Schema.Struct({ role: Id, scope: GrantScope });

export const InviteInput = Schema.Struct({
  org: Id,
  emails: Schema.Array(InviteEmail).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(50))),
  name: Schema.optionalKey(InviteName),
  language: InviteLanguage,
  grants: Schema.Array(InviteGrant).pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(20))),
  expiresInDays: Schema.optionalKey(
    Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 90 }))),
  ),
});

/** The invite form's own fields (one invitee at a time); the grants come from its access rows. */
export const InviteeForm = Schema.Struct({ name: InviteName, email: InviteEmail, language: InviteLanguage });

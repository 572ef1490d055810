// Inputs of invitations: listing by status, resend and revoke, and accepting — the accept page validates the
// password with the very rules `invitations.accept` decodes with.
import { Schema } from "effect";

const Id = Schema.String.pipe(Schema.check(Schema.isMinLength(1)));

export const InvitationStatus = Schema.Literals(["pending", "expired", "accepted", "revoked"]);
export const InvitationsListInput = Schema.Struct({ org: Id, status: Schema.optionalKey(InvitationStatus) });
export const InvitationIdInput = Schema.Struct({
  id: Id,
  expiresInDays: Schema.optionalKey(
    Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 90 }))),
  ),
});

export const AcceptPassword = Schema.String.pipe(
  Schema.check(Schema.isMinLength(12), Schema.isMaxLength(1024)),
);
export const AcceptName = Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(200)));
export const AcceptInput = Schema.Struct({
  token: Schema.String.pipe(Schema.check(Schema.isMinLength(1), Schema.isMaxLength(200))),
  password: AcceptPassword,
  name: Schema.optionalKey(AcceptName),
});

// Inputs of invitations: listing by status, resend and revoke, and accepting — the accept page validates the
// password with the very rules `invitations.accept` decodes with.
import { Schema } from "effect";
import { Id, Text, TrimmedText } from "./fields.ts";
import { ListPage } from "./list-page.ts";

export const InvitationStatus = Schema.Literals(["pending", "expired", "accepted", "revoked"]);
export const InvitationsListInput = Schema.Struct({
  ...ListPage.fields,
  org: Id,
  status: Schema.optionalKey(InvitationStatus),
});
export const InvitationIdInput = Schema.Struct({
  id: Id,
  expiresInDays: Schema.optionalKey(
    Schema.Number.pipe(Schema.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 90 }))),
  ),
});

export const AcceptPassword = Text(1024, 12);
/** The name the invitee may correct on accepting: trimmed, then 1 to 200 characters (as an invitee's name). */
const AcceptName = TrimmedText(200);
export const AcceptInput = Schema.Struct({
  token: Text(200, 1),
  password: AcceptPassword,
  name: Schema.optionalKey(AcceptName),
});

/** The accept page's look at its invitation, by the token in its link. */
export const OpeningInput = Schema.Struct({ token: AcceptInput.fields.token });

/** The dev outbox of an organization's invitation emails. */
export const OutboxInput = Schema.Struct({ org: Id });

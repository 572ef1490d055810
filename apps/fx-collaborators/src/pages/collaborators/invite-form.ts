// The Invite a collaborator form's schema: one or more emails, a permission level (project role),
// a language and one or more Feature projects; every email is invited with the role in every project.
import { Email, InviteLanguage } from "@gatehouse/contracts";
import { Schema } from "effect";

export const InviteCollaboratorsForm = Schema.Struct({
  emails: Schema.Array(Schema.Struct({ email: Email })).pipe(Schema.check(Schema.isMinLength(1))),
  role: Schema.String.pipe(Schema.check(Schema.isMinLength(1))),
  language: InviteLanguage,
  projects: Schema.Array(Schema.String).pipe(Schema.check(Schema.isMinLength(1))),
});
export type InviteCollaboratorsValues = typeof InviteCollaboratorsForm.Type;

/** Emails appearing more than once (the API invites each email once per call). */
export const repeatedEmails = (emails: ReadonlyArray<{ readonly email: string }>): ReadonlyArray<string> => {
  const lower = emails.map((row) => row.email.trim().toLowerCase());
  return [...new Set(lower.filter((email, i) => email !== "" && lower.indexOf(email) !== i))];
};

// What an invitation email says, as one typed catalog per language: a catalog missing a text, or a language without
// a catalog, does not compile. The texts take their variable parts (names, dates) as arguments.

export interface InvitationTexts {
  /** The subject line. */
  readonly subject: (org: string) => string;
  readonly greeting: (name: string) => string;
  /** Who invited the invitee, and where; `inviter` is absent when the platform operator invited. */
  readonly invited: (org: string, inviter: string | undefined) => string;
  /** Introduces the accept link. */
  readonly action: string;
  readonly expires: (date: string) => string;
  /** Closes the message: what to do with an unexpected invitation. */
  readonly unexpected: string;
}

// The invitation email, written in the invitee's language from its catalog: who invited them where, the accept
// link (absolute, on the server's public origin) and when it expires.
import { languageOf } from "@gatehouse/contracts";
import { invitationTexts } from "./texts/index.ts";

/** One email to send: plain text (the accept link stays copyable in every mail client). */
export interface MailMessage {
  readonly to: string;
  readonly language: string;
  readonly subject: string;
  readonly text: string;
}

export interface InvitationFacts {
  readonly email: string;
  /** The invitee's name as the inviter wrote it. */
  readonly name: string;
  readonly language: string;
  /** The organization's name. */
  readonly org: string;
  /** The inviter's name; undefined when the platform operator invited. */
  readonly inviter: string | undefined;
  /** The absolute accept link. */
  readonly link: string;
  readonly expiresAt: Date;
}

/** The invitation email for `facts`, in its language (English for a tag without a catalog). */
export const invitationMessage = (facts: InvitationFacts): MailMessage => {
  const language = languageOf(facts.language);
  const texts = invitationTexts[language];
  const date = new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(
    facts.expiresAt,
  );
  return {
    to: facts.email,
    language,
    subject: texts.subject(facts.org),
    text: [
      texts.greeting(facts.name),
      "",
      texts.invited(facts.org, facts.inviter),
      "",
      texts.action,
      facts.link,
      "",
      texts.expires(date),
      "",
      texts.unexpected,
      "",
    ].join("\n"),
  };
};

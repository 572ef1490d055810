// The invitation email in English.
// The default language, and the one an invitation stored with an unsupported tag is written in.
import type { InvitationTexts } from "./invitation-texts.ts";

export const en: InvitationTexts = {
  subject: (org) => `You are invited to ${org} on Gatehouse`,
  greeting: (name) => `Hello ${name},`,
  invited: (org, inviter) =>
    inviter === undefined
      ? `You are invited to administer ${org} on Gatehouse.`
      : `${inviter} invited you to ${org} on Gatehouse.`,
  action: "Open this link to choose a password and activate your account:",
  expires: (date) => `The link works once and expires on ${date}.`,
  unexpected: "If you did not expect this invitation, you can ignore this email.",
};

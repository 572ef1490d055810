// The invitation email in French.
// Addressed with "vous", as business software in French is.
import type { InvitationTexts } from "./invitation-texts.ts";

export const fr: InvitationTexts = {
  subject: (org) => `Invitation à ${org} sur Gatehouse`,
  greeting: (name) => `Bonjour ${name},`,
  invited: (org, inviter) =>
    inviter === undefined
      ? `Vous êtes invité à administrer ${org} sur Gatehouse.`
      : `${inviter} vous a invité à ${org} sur Gatehouse.`,
  action: "Ouvrez ce lien pour choisir un mot de passe et activer votre compte :",
  expires: (date) => `Le lien ne fonctionne qu’une fois et expire le ${date}.`,
  unexpected: "Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail.",
};

// The invitation email in Swedish.
// Addressed with "du", as Swedish business software is.
import type { InvitationTexts } from "./invitation-texts.ts";

export const sv: InvitationTexts = {
  subject: (org) => `Inbjudan till ${org} i Gatehouse`,
  greeting: (name) => `Hej ${name},`,
  invited: (org, inviter) =>
    inviter === undefined
      ? `Du är inbjuden att administrera ${org} i Gatehouse.`
      : `${inviter} har bjudit in dig till ${org} i Gatehouse.`,
  action: "Öppna länken för att välja ett lösenord och aktivera ditt konto:",
  expires: (date) => `Länken fungerar en gång och upphör att gälla den ${date}.`,
  unexpected: "Om du inte väntade dig den här inbjudan kan du bortse från detta mejl.",
};

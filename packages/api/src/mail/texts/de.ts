// The invitation email in German.
// Addressed with "Sie", as business software in German usually is.
import type { InvitationTexts } from "./invitation-texts.ts";

export const de: InvitationTexts = {
  subject: (org) => `Einladung zu ${org} in Gatehouse`,
  greeting: (name) => `Hallo ${name},`,
  invited: (org, inviter) =>
    inviter === undefined
      ? `Sie sind eingeladen, ${org} in Gatehouse zu verwalten.`
      : `${inviter} hat Sie zu ${org} in Gatehouse eingeladen.`,
  action: "Öffnen Sie diesen Link, um ein Passwort zu wählen und Ihr Konto zu aktivieren:",
  expires: (date) => `Der Link funktioniert einmal und läuft am ${date} ab.`,
  unexpected: "Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.",
};

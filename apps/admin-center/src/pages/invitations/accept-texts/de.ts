// The accept page in German.
// Addressed with "Sie", like the German invitation email.
import type { AcceptTexts } from "./accept-texts.ts";

export const de: AcceptTexts = {
  title: "Einladung annehmen",
  intro: "Wählen Sie ein Passwort mit mindestens 12 Zeichen, um Ihr Gatehouse-Konto zu aktivieren.",
  nameLabel: "Ihr Name",
  namePlaceholder: "Wie die einladende Person ihn geschrieben hat",
  passwordLabel: "Passwort",
  passwordRule: "Verwenden Sie mindestens 12 Zeichen",
  confirmLabel: "Passwort bestätigen",
  passwordsDiffer: "Die Passwörter stimmen nicht überein",
  submit: "Annehmen und anmelden",
  toSignIn: "Zur Anmeldung",
  notAccepted: "Nicht angenommen",
  acceptedNotSignedIn: {
    title: "Angenommen, aber nicht angemeldet",
    failed: "Ihr Konto ist mit dem gewählten Passwort aktiv, aber die Anmeldung ist fehlgeschlagen:",
    next: "Melden Sie sich auf der Anmeldeseite mit diesem Passwort an.",
  },
  closed: {
    accepted: "Diese Einladung wurde bereits verwendet. Melden Sie sich mit Ihrem Passwort an.",
    expired: "Diese Einladung ist abgelaufen. Bitten Sie die einladende Person, sie erneut zu senden.",
    revoked: "Diese Einladung wurde zurückgezogen. Bitten Sie die einladende Person um eine neue.",
  },
};

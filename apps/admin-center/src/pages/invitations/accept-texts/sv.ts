// The accept page in Swedish.
// Addressed with "du", like the Swedish invitation email.
import type { AcceptTexts } from "./accept-texts.ts";

export const sv: AcceptTexts = {
  title: "Acceptera din inbjudan",
  intro: "Välj ett lösenord med minst 12 tecken för att aktivera ditt Gatehouse-konto.",
  nameLabel: "Ditt namn",
  namePlaceholder: "Som den som bjöd in dig skrev det",
  passwordLabel: "Lösenord",
  passwordRule: "Använd minst 12 tecken",
  confirmLabel: "Bekräfta lösenord",
  passwordsDiffer: "Lösenorden stämmer inte överens",
  submit: "Acceptera och logga in",
  toSignIn: "Gå till inloggningen",
  notAccepted: "Inte accepterad",
  acceptedNotSignedIn: {
    title: "Accepterad, men inte inloggad",
    failed: "Ditt konto är aktivt med lösenordet du valde, men inloggningen misslyckades:",
    next: "Logga in på inloggningssidan med det lösenordet.",
  },
  closed: {
    accepted: "Den här inbjudan har redan använts. Logga in med lösenordet du valde.",
    expired: "Den här inbjudan har gått ut. Be den som bjöd in dig att skicka den igen.",
    revoked: "Den här inbjudan har dragits tillbaka. Be den som bjöd in dig om en ny.",
  },
};

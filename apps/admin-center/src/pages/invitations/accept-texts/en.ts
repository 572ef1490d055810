// The accept page in English.
// Also the page's words before it knows the invitation's language (and for a link that holds none).
import type { AcceptTexts } from "./accept-texts.ts";

export const en: AcceptTexts = {
  title: "Accept your invitation",
  intro: "Choose a password of at least 12 characters to activate your Gatehouse account.",
  nameLabel: "Your name",
  namePlaceholder: "As the inviter wrote it",
  passwordLabel: "Password",
  passwordRule: "Use at least 12 characters",
  confirmLabel: "Confirm password",
  passwordsDiffer: "The passwords differ",
  submit: "Accept and sign in",
  toSignIn: "Go to sign-in",
  notAccepted: "Not accepted",
  acceptedNotSignedIn: {
    title: "Accepted, but not signed in",
    failed: "Your account is active with the password you chose, but signing in failed:",
    next: "Sign in on the sign-in page with that password.",
  },
  closed: {
    accepted: "This invitation was already used. Sign in with the password you chose.",
    expired: "This invitation has expired. Ask the person who invited you to send it again.",
    revoked: "This invitation was withdrawn. Ask the person who invited you for a new one.",
  },
};

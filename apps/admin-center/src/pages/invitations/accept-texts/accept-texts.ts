// What the accept page says, as one typed catalog per language: a catalog missing a text, or a language without a
// catalog (index.ts is a Record over every supported language), does not compile.
import type { InvitationStatus } from "@gatehouse/contracts";

export interface AcceptTexts {
  readonly title: string;
  readonly intro: string;
  readonly nameLabel: string;
  readonly namePlaceholder: string;
  readonly passwordLabel: string;
  readonly passwordRule: string;
  readonly confirmLabel: string;
  readonly passwordsDiffer: string;
  readonly submit: string;
  /** The way to sign in, once the invitation was used. */
  readonly toSignIn: string;
  readonly notAccepted: string;
  /** The invitation was accepted (the password set) but signing in with it failed: why, and what to do. */
  readonly acceptedNotSignedIn: { readonly title: string; readonly failed: string; readonly next: string };
  /** Why an invitation that is no longer pending cannot be accepted, and what to do. */
  readonly closed: Readonly<Record<Exclude<typeof InvitationStatus.Type, "pending">, string>>;
}

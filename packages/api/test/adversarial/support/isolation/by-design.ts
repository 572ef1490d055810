// What the sweep accepts where a foreign answer differs from its made-up twin's, because it is told by design and
// only to a caller entitled to it: emails are unique, so an inviter allowed every grant learns an email is taken.
import type { Reply } from "./http.ts";

let fresh = 0;

/**
 * For an answer that may be told by design, the call that must be allowed for it to be: users.invite's CONFLICT
 * "<email> belongs to another organization" is told only after authorization, so the same invite of never-used
 * emails must succeed (the inviter is allowed every grant). Undefined for any other answer.
 */
export const confirmingInput = (procedure: string, foreign: Reply, input: unknown): unknown => {
  if (procedure !== "users.invite" || foreign.status !== 409) return undefined;
  if (!/ belongs to another organization$/.test(foreign.message ?? "")) return undefined;
  const invite = input as { readonly emails: ReadonlyArray<string> };
  return { ...invite, emails: invite.emails.map(() => `sweep-fresh-${++fresh}@fresh.example`) };
};

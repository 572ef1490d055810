// What the sweep accepts where a foreign answer differs from its made-up twin's, because it is told by design and
// only to a caller entitled to it: emails are unique, so an inviter allowed every grant learns an email is taken;
// an invite preview answers another organization's email exactly as a never-used one.
import type { Reply } from "./http.ts";

let fresh = 0;

/** A call that must be allowed for an answer to be told by design: its input, and whether a reply allowed it. */
export interface Confirmation {
  readonly input: unknown;
  readonly allowed: (reply: Reply) => boolean;
}

/** The invite with never-used emails. */
const freshInvite = (input: unknown) => {
  const invite = input as { readonly emails: ReadonlyArray<string> };
  return { ...invite, emails: invite.emails.map(() => `sweep-fresh-${++fresh}@fresh.example`) };
};

/** The invite preview with a never-used email. */
const freshPreview = (input: unknown) => ({
  ...(input as object),
  email: `sweep-fresh-${++fresh}@fresh.example`,
});

const saysAllowed = (reply: Reply) =>
  reply.status === 200 && (reply.data as { readonly allowed?: unknown }).allowed === true;

/**
 * For an answer that may be told by design, the call that must be allowed for it to be; undefined for any other
 * answer. users.invite's CONFLICT "<email> belongs to another organization" is told only after authorization, so
 * the same invite of never-used emails must succeed (the inviter is allowed every grant). `may` asked about that
 * invite allows it as for a never-used email, while its made-up twin may by then be an account of the caller's
 * own organization (invited by an earlier call of the sweep), whose claim is asked: the same invite of never-used
 * emails must be allowed by `may` too.
 */
export const confirmation = (procedure: string, foreign: Reply, input: unknown): Confirmation | undefined => {
  // whatIf.invite: another organization's email is a new person here, so its answer must be a never-used email's
  // (its made-up twin may by then be an account the sweep invited into the caller's own organization).
  if (procedure === "whatIf.invite")
    return {
      input: freshPreview(input),
      allowed: (reply) =>
        reply.status === foreign.status && JSON.stringify(reply.data) === JSON.stringify(foreign.data),
    };
  if (procedure === "users.invite") {
    if (foreign.status !== 409 || !/ belongs to another organization$/.test(foreign.message ?? ""))
      return undefined;
    return { input: freshInvite(input), allowed: (reply) => reply.status === 200 };
  }
  if (procedure === "may") {
    const asked = input as { readonly procedure: string; readonly input: unknown };
    if (asked.procedure !== "users.invite" || !saysAllowed(foreign)) return undefined;
    return { input: { ...asked, input: freshInvite(asked.input) }, allowed: saysAllowed };
  }
  return undefined;
};

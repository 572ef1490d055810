// Delivering invitation emails, called by every router that creates or re-sends an invitation once its write
// committed: a failed send leaves the invitation as it is, is recorded, and is told to the admin with what to do.
import { InvitationMail, Invitations, Organizations, Users } from "@gatehouse/store";
import { Effect } from "effect";
import type { Store } from "../authorize.ts";
import { invitationMessage } from "./invitation-message.ts";
import { Mailer } from "./mailer.ts";

/** What became of an invitation's email, in words for the admin who invited. */
export interface Delivery {
  /** `sent` to the SMTP server, kept in the dev `outbox`, or `failed` (the invitation stands). */
  readonly status: "sent" | "outbox" | "failed";
  readonly message: string;
}

/** An invitation the router just wrote, with the accept link it shows once. */
export interface Invited {
  readonly invitationId: string;
  readonly acceptUrl: string;
}

/** How many emails are handed to the SMTP server at once. */
const concurrency = 4;

const notice = (status: Delivery["status"], to: string, reason?: string): Delivery => ({
  status,
  message:
    status === "sent"
      ? `An invitation email was sent to ${to}.`
      : status === "outbox"
        ? `No mail server is set up (SMTP_URL): the invitation email to ${to} is in the Admin Center's Outbox.`
        : `The invitation was created but the email to ${to} could not be sent: ${reason}. Copy the link or resend the invitation.`,
});

/** Writes, sends (or keeps) and records one invitation's email; never fails: a failure is the answer. */
const deliverOne = ({ invitationId, acceptUrl }: Invited) =>
  Effect.gen(function* () {
    const mailer = yield* Mailer;
    const invitation = yield* (yield* Invitations).get(invitationId);
    const org = yield* (yield* Organizations).get(invitation.org);
    // The operator (first admin) is no user of the organization: the message then names no inviter.
    const inviter =
      invitation.invitedBy === null
        ? undefined
        : yield* Effect.match((yield* Users).get(invitation.invitedBy), {
            onFailure: () => undefined,
            onSuccess: (user) => user.name,
          });
    const message = invitationMessage({
      email: invitation.email,
      name: invitation.name,
      language: invitation.language,
      org: org.name,
      inviter,
      link: mailer.link(acceptUrl),
      expiresAt: invitation.expiresAt,
    });
    const sent = yield* Effect.result(mailer.send(message));
    const error = sent._tag === "Failure" ? sent.failure.reason : null;
    if (sent._tag === "Failure")
      yield* Effect.logWarning(`invitation ${invitationId}: email not sent`, sent.failure.cause);
    yield* (yield* InvitationMail).record({
      org: invitation.org,
      invitationId,
      recipient: message.to,
      language: message.language,
      subject: message.subject,
      transport: mailer.transport,
      body: mailer.transport === "outbox" ? message.text : null,
      error,
    });
    if (error !== null) return notice("failed", message.to, error);
    return notice(mailer.transport === "smtp" ? "sent" : "outbox", message.to);
  }).pipe(
    Effect.catchCause((cause) =>
      Effect.as(
        Effect.logError(`invitation ${invitationId}: email not delivered`, cause),
        notice("failed", "the invitee", "the email could not be prepared"),
      ),
    ),
  );

/** Delivers the email of the invitation just written (created or resent). */
export const deliverInvitation = (store: Store, invited: Invited): Promise<Delivery> =>
  store.run(deliverOne(invited));

/** Delivers the email of each invitation just written; each entry comes back with its `delivery`. */
export const deliverInvitations = <T extends Invited>(
  store: Store,
  invited: ReadonlyArray<T>,
): Promise<ReadonlyArray<T & { readonly delivery: Delivery }>> =>
  store.run(
    Effect.forEach(
      invited,
      (entry) => Effect.map(deliverOne(entry), (delivery) => ({ ...entry, delivery })),
      {
        concurrency,
      },
    ),
  );

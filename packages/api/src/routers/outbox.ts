// The dev outbox: the invitation emails a server without SMTP_URL kept instead of sending, for the Admin Center to
// show. Each message holds an accept link, so only signed-in admins see it, and only those who may see its invitation.
import { OutboxInput } from "@gatehouse/contracts";
import { InvitationMail, type InvitationMailRecord, Invitations } from "@gatehouse/store";
import { Effect } from "effect";
import { authorizedQuery } from "../authorize.ts";
import { Mailer } from "../mail/mailer.ts";
import { forbidden } from "../refusals.ts";
import { router } from "../trpc.ts";
import { mayView } from "./invitation-rights.ts";

// Rules: docs/decisions.md#invitations (delivery: the outbox).

const view = (mail: InvitationMailRecord) => ({
  id: mail.id,
  invitationId: mail.invitationId,
  to: mail.recipient,
  language: mail.language,
  subject: mail.subject,
  body: mail.body ?? "",
  createdAt: mail.createdAt.toISOString(),
});

const tokensOnlyForPeople =
  "The outbox holds sign-in links: only a signed-in administrator reads it, not an API key or the operator";

export const outboxRouter = router({
  /**
   * `org`'s outbox, newest first: the messages whose invitation the actor may see. With SMTP there is none
   * (`transport: "smtp"`, no messages): emails went to the mail server.
   */
  list: authorizedQuery(OutboxInput, (input, { actor }) => {
    // Refused alike for every organization, so the refusal tells nothing about any.
    if (actor.kind !== "user") throw forbidden(tokensOnlyForPeople);
    return { orgs: [input.org] };
  }).query(async ({ ctx, input }) => {
    const { transport } = await ctx.store.run(Effect.service(Mailer));
    if (transport === "smtp") return { transport, messages: [] };
    const [messages, invitations] = await ctx.store.run(
      Effect.all([
        InvitationMail.use((mail) => mail.outbox(input.org)),
        Invitations.use((i) => i.list(input.org)),
      ]),
    );
    const visible = new Set(invitations.filter((i) => mayView(ctx.may, i)).map((i) => i.id));
    return { transport, messages: messages.filter((m) => visible.has(m.invitationId)).map(view) };
  }),
});

// Invitation mail: one row per invitation email delivered or attempted, with its outcome. Without SMTP the row holds
// the message itself (the dev outbox); with SMTP only the outcome and, for a failure, why.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import { newId } from "./ids.ts";

/** Where a message went: kept in the dev outbox, or handed to the SMTP server. */
export type MailTransport = "outbox" | "smtp";

export interface NewInvitationMail {
  readonly org: string;
  readonly invitationId: string;
  readonly recipient: string;
  readonly language: string;
  readonly subject: string;
  readonly transport: MailTransport;
  /** The message text: kept for the outbox only (it carries the accept link). */
  readonly body: string | null;
  /** Why the SMTP server did not take it; null when it did. */
  readonly error: string | null;
}

export interface InvitationMailRecord extends NewInvitationMail {
  readonly id: string;
  readonly status: "sent" | "failed";
  readonly createdAt: Date;
}

export interface InvitationMailShape {
  /** Records one delivery (sent when `error` is null). */
  readonly record: (mail: NewInvitationMail) => Effect.Effect<InvitationMailRecord>;
  /** The outbox of `org`: the messages kept instead of sent, newest first. */
  readonly outbox: (org: string) => Effect.Effect<ReadonlyArray<InvitationMailRecord>>;
}

interface MailRow {
  readonly id: string;
  readonly org: string;
  readonly invitation_id: string;
  readonly recipient: string;
  readonly language: string;
  readonly subject: string;
  readonly transport: MailTransport;
  readonly status: "sent" | "failed";
  readonly body: string | null;
  readonly error: string | null;
  readonly created_at: Date | string;
}

const fromRow = (row: MailRow): InvitationMailRecord => ({
  id: row.id,
  org: row.org,
  invitationId: row.invitation_id,
  recipient: row.recipient,
  language: row.language,
  subject: row.subject,
  transport: row.transport,
  status: row.status,
  body: row.body,
  error: row.error,
  createdAt: new Date(row.created_at),
});

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  const record = Effect.fn("InvitationMail.record")(function* (mail: NewInvitationMail) {
    const rows = yield* Effect.orDie(
      sql<MailRow>`insert into invitation_mail
                     (id, org, invitation_id, recipient, language, subject, transport, status, body, error)
                   values (${newId("mail")}, ${mail.org}, ${mail.invitationId}, ${mail.recipient}, ${mail.language},
                           ${mail.subject}, ${mail.transport}, ${mail.error === null ? "sent" : "failed"},
                           ${mail.body}, ${mail.error})
                   returning *`,
    );
    const [row] = rows;
    if (row === undefined) return yield* Effect.die(new Error("invitation_mail insert returned no row"));
    return fromRow(row);
  });

  const outbox = Effect.fn("InvitationMail.outbox")(function* (org: string) {
    const rows = yield* Effect.orDie(
      sql<MailRow>`select * from invitation_mail where org = ${org} and transport = 'outbox'
                   order by created_at desc, id desc`,
    );
    return rows.map(fromRow);
  });

  return { record, outbox } satisfies InvitationMailShape;
});

export class InvitationMail extends Context.Service<InvitationMail, InvitationMailShape>()(
  "@gatehouse/store/InvitationMail",
) {
  static readonly layer = Layer.effect(InvitationMail, make);
}

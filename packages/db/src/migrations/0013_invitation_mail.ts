// Migration 13, invitation mail: one row per invitation email the server delivered or tried to (issue 12). Without
// SMTP the row keeps the message itself (the dev outbox, shown in the Admin Center); with SMTP only its outcome.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `create table invitation_mail (
    id text primary key constraint invitation_mail_id_not_empty check (id <> ''),
    org text not null references organizations (id) on delete cascade,
    invitation_id text not null references invitations (id) on delete cascade,
    recipient text not null,
    language text not null,
    subject text not null,
    transport text not null constraint invitation_mail_transport_check check (transport in ('outbox', 'smtp')),
    status text not null constraint invitation_mail_status_check check (status in ('sent', 'failed')),
    body text,
    error text,
    created_at timestamptz not null default now(),
    constraint invitation_mail_body_in_outbox check ((transport = 'outbox') = (body is not null)),
    constraint invitation_mail_error_when_failed check ((status = 'failed') = (error is not null))
  )`,
  "create index invitation_mail_org_idx on invitation_mail (org, transport, created_at)",
  "create index invitation_mail_invitation_idx on invitation_mail (invitation_id, created_at)",
];

export default runStatements(statements);

// Migration 4, onboarding: invitations (single-use, expiring tokens carrying the grants to give on
// acceptance) and partner access requests, by direct customer approval or through a support ticket.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `create table invitations (
    id text primary key constraint invitations_id_not_empty check (id <> ''),
    org text not null references organizations (id) on delete cascade,
    user_id text references users (id) on delete cascade,
    email text not null constraint invitations_email_format check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    name text not null default '',
    language text not null default 'en',
    token_hash text not null constraint invitations_token_hash_key unique,
    grants jsonb not null default '[]' constraint invitations_grants_array check (jsonb_typeof(grants) = 'array'),
    status text not null default 'pending'
      constraint invitations_status_check check (status in ('pending', 'accepted', 'expired', 'revoked')),
    invited_by text,
    expires_at timestamptz not null,
    accepted_at timestamptz,
    revoked_at timestamptz,
    resent_at timestamptz,
    resend_count integer not null default 0,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint invitations_accepted_at check ((status = 'accepted') = (accepted_at is not null)),
    constraint invitations_revoked_at check ((status = 'revoked') = (revoked_at is not null))
  )`,
  "create index invitations_org_status_idx on invitations (org, status, created_at)",
  "create index invitations_email_idx on invitations (lower(email))",
  "create unique index invitations_one_pending on invitations (org, lower(email)) where status = 'pending'",
  "create index invitations_user_idx on invitations (user_id) where user_id is not null",

  `create table access_requests (
    id text primary key constraint access_requests_id_not_empty check (id <> ''),
    partner_org text not null references organizations (id) on delete cascade,
    customer_org text not null references organizations (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    requested_by text not null,
    requested_role text not null references roles (id) on delete cascade,
    instance text,
    path text not null constraint access_requests_path_check check (path in ('direct', 'support-ticket')),
    status text not null default 'pending' constraint access_requests_status_check
      check (status in ('pending', 'approved', 'denied', 'customer-approved', 'completed', 'cancelled')),
    decided_by text,
    decided_at timestamptz,
    completed_by text,
    completed_at timestamptz,
    ticket text,
    note text,
    grant_id text references grants (id) on delete set null,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint access_requests_two_orgs check (partner_org <> customer_org),
    constraint access_requests_status_for_path check (
      case path
        when 'direct' then status in ('pending', 'approved', 'denied', 'cancelled')
        else status in ('pending', 'customer-approved', 'completed', 'denied', 'cancelled')
      end
    ),
    constraint access_requests_instance_fkey foreign key (instance, customer_org)
      references instances (id, org) on delete cascade
  )`,
  "create index access_requests_customer_idx on access_requests (customer_org, status, created_at)",
  "create index access_requests_partner_idx on access_requests (partner_org, status, created_at)",
  "create index access_requests_user_idx on access_requests (user_id)",
  "create index access_requests_role_idx on access_requests (requested_role)",
  `create index access_requests_operator_queue_idx on access_requests (created_at)
    where path = 'support-ticket' and status = 'customer-approved'`,
  `create unique index access_requests_one_open on access_requests (user_id, customer_org, requested_role, instance)
    nulls not distinct where status in ('pending', 'customer-approved')`,
  "create index access_requests_instance_idx on access_requests (instance) where instance is not null",
  "create index access_requests_grant_idx on access_requests (grant_id) where grant_id is not null",
];

export default runStatements(statements);

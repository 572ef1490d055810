// Migration 5, sign-in: cookie sessions of users and operators (stored by token hash), organization-scoped
// API keys (hashed at rest, revocable) and the login attempts that rate limiting counts.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `create table sessions (
    id text primary key constraint sessions_id_not_empty check (id <> ''),
    user_id text references users (id) on delete cascade,
    operator_id text references operators (id) on delete cascade,
    csrf_token_hash text not null,
    user_agent text,
    ip text,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    last_seen_at timestamptz not null default now(),
    constraint sessions_one_holder check (num_nonnulls(user_id, operator_id) = 1)
  )`,
  "create index sessions_user_idx on sessions (user_id) where user_id is not null",
  "create index sessions_operator_idx on sessions (operator_id) where operator_id is not null",
  "create index sessions_expires_at_idx on sessions (expires_at)",

  `create table api_keys (
    id text primary key constraint api_keys_id_not_empty check (id <> ''),
    org text not null references organizations (id) on delete cascade,
    name text not null,
    key_hash text not null constraint api_keys_key_hash_key unique,
    prefix text not null,
    created_by text,
    created_at timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at timestamptz,
    version integer not null default 1
  )`,
  "create index api_keys_org_idx on api_keys (org, created_at)",

  `create table login_attempts (
    id bigint generated always as identity primary key,
    key text not null,
    attempted_at timestamptz not null default now(),
    succeeded boolean not null
  )`,
  "create index login_attempts_key_idx on login_attempts (key, attempted_at)",
  "create index login_attempts_attempted_at_idx on login_attempts (attempted_at)",
];

export default runStatements(statements);

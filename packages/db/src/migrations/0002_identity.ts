// Migration 2, identity: users (one home organization each, globally unique email), groups and their
// members, and the platform operators, who sign in but belong to no organization.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `create table users (
    id text primary key constraint users_id_not_empty check (id <> ''),
    org text not null references organizations (id) on delete cascade,
    email text not null constraint users_email_format check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    name text not null,
    language text not null default 'en',
    status text not null default 'invited' constraint users_status_check check (status in ('invited', 'active', 'disabled')),
    password_hash text,
    last_login_at timestamptz,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint users_active_has_password check (status <> 'active' or password_hash is not null)
  )`,
  "create unique index users_email_key on users (lower(email))",
  "create index users_org_idx on users (org)",

  `create table groups (
    id text primary key constraint groups_id_not_empty check (id <> ''),
    org text not null references organizations (id) on delete cascade,
    name text not null,
    description text not null default '',
    kind text not null default 'custom' constraint groups_kind_check check (kind in ('custom', 'everyone', 'product')),
    role text,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint groups_role_only_for_product_groups check ((kind = 'product') = (role is not null))
  )`,
  "create unique index groups_name_key on groups (org, lower(name))",
  "create unique index groups_one_everyone on groups (org) where kind = 'everyone'",
  "create unique index groups_one_per_role on groups (org, role) where kind = 'product'",

  `create table group_members (
    group_id text not null references groups (id) on delete cascade,
    user_id text not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (group_id, user_id)
  )`,
  "create index group_members_user_idx on group_members (user_id)",

  `create table operators (
    id text primary key constraint operators_id_not_empty check (id <> ''),
    email text not null constraint operators_email_format check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
    name text not null,
    password_hash text not null,
    last_login_at timestamptz,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  "create unique index operators_email_key on operators (lower(email))",
];

export default runStatements(statements);

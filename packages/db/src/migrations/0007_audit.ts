// Migration 7, audit: one append-only row per change (actor, action, target, before/after, time, request id),
// written in the same transaction as the change; no foreign keys, so history outlives what it describes.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `create table audit_log (
    id bigint generated always as identity primary key,
    at timestamptz not null default now(),
    request_id text,
    actor_kind text not null
      constraint audit_log_actor_kind_check check (actor_kind in ('user', 'api-key', 'operator', 'system')),
    actor_id text,
    org text,
    action text not null,
    target_kind text not null,
    target_id text,
    before jsonb,
    after jsonb,
    constraint audit_log_actor_id check (actor_kind = 'system' or actor_id is not null)
  )`,
  "create index audit_log_org_idx on audit_log (org, at, id)",
  "create index audit_log_actor_idx on audit_log (actor_id, at, id)",
  "create index audit_log_target_idx on audit_log (target_kind, target_id, at, id)",
  "create index audit_log_action_idx on audit_log (action, at, id)",
  "create index audit_log_at_idx on audit_log (at, id)",
];

export default runStatements(statements);

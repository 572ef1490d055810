// Migration 6, Mission Control operations: actions run (or scheduled) against an instance, with their
// status, result and whether the executor simulated them, plus the history of every status change.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `create table operations (
    id text primary key constraint operations_id_not_empty check (id <> ''),
    org text not null references organizations (id) on delete cascade,
    instance text not null,
    action text not null constraint operations_action_format check (action ~ '^[a-z][a-z-]*:[A-Za-z0-9_.-]+$'),
    params jsonb not null default '{}',
    requested_by text not null,
    status text not null default 'submitted' constraint operations_status_check
      check (status in ('submitted', 'in-progress', 'completed', 'failed', 'cancelled')),
    scheduled_for timestamptz,
    started_at timestamptz,
    finished_at timestamptz,
    simulated boolean not null default false,
    result jsonb,
    error text,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint operations_instance_fkey foreign key (instance, org) references instances (id, org) on delete cascade
  )`,
  "create index operations_instance_idx on operations (instance, created_at)",
  "create index operations_org_idx on operations (org, created_at)",
  `create index operations_pending_idx on operations (coalesce(scheduled_for, created_at))
    where status in ('submitted', 'in-progress')`,

  `create table operation_events (
    id bigint generated always as identity primary key,
    operation text not null references operations (id) on delete cascade,
    status text not null constraint operation_events_status_check
      check (status in ('submitted', 'in-progress', 'completed', 'failed', 'cancelled')),
    at timestamptz not null default now(),
    actor text,
    message text
  )`,
  "create index operation_events_operation_idx on operation_events (operation, at, id)",
];

export default runStatements(statements);

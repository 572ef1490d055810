// Migration 15, audiences (issue 13): a Feature project's audiences, and which flag rulesets (a flag in one
// environment of the same project) use each; the audience role is read from those uses (docs/decisions.md).
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `create table audiences (
    id text primary key constraint audiences_id_not_empty check (id <> ''),
    project text not null references projects (id) on delete cascade,
    key text not null constraint audiences_key_not_empty check (key <> ''),
    name text not null constraint audiences_name_not_empty check (name <> ''),
    archived boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint audiences_key_key unique (project, key),
    constraint audiences_id_project_key unique (id, project)
  )`,
  `create table audience_uses (
    audience text not null,
    flag text not null,
    environment text not null,
    project text not null,
    created_at timestamptz not null default now(),
    primary key (audience, flag, environment),
    constraint audience_uses_audience_fkey foreign key (audience, project) references audiences (id, project) on delete cascade,
    constraint audience_uses_flag_fkey foreign key (flag, project) references flags (id, project) on delete cascade,
    constraint audience_uses_environment_fkey foreign key (environment, project) references environments (id, project) on delete cascade
  )`,
  "create index audience_uses_flag_idx on audience_uses (flag)",
  "create index audience_uses_environment_idx on audience_uses (environment)",
];

export default runStatements(statements);

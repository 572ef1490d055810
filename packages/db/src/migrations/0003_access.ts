// Migration 3, access: roles (system roles from the catalog, custom roles of one organization), their
// permissions, and grants of a role or one extra permission to a user or group at a scope path.
import { runStatements } from "./run-statements.ts";

export const statements: ReadonlyArray<string> = [
  `create table roles (
    id text primary key constraint roles_id_format check (id ~ '^[a-z][a-z-]*:.+$'),
    product text not null references products (id),
    type text not null constraint roles_type_check check (type in ('system', 'custom')),
    name text not null,
    description text not null default '',
    org text references organizations (id) on delete cascade,
    instance text,
    duplicated_from text references roles (id) on delete set null,
    created_by text,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint roles_id_product check (split_part(id, ':', 1) = product),
    constraint roles_custom_has_org check ((type = 'custom') = (org is not null)),
    constraint roles_system_unplaced check (type = 'custom' or (instance is null and duplicated_from is null)),
    constraint roles_instance_fkey foreign key (instance, org) references instances (id, org) on delete cascade
  )`,
  "create index roles_product_idx on roles (product, type)",
  "create unique index roles_custom_name_key on roles (org, product, lower(name)) where type = 'custom'",
  "create index roles_instance_idx on roles (instance) where instance is not null",
  "create index roles_duplicated_from_idx on roles (duplicated_from) where duplicated_from is not null",

  `create table role_permissions (
    role text not null references roles (id) on delete cascade,
    action text not null constraint role_permissions_action_format check (action ~ '^[a-z][a-z-]*:[A-Za-z0-9_.-]+$'),
    primary key (role, action)
  )`,

  "alter table groups add constraint groups_role_fkey foreign key (role) references roles (id) on delete cascade",

  `create table grants (
    id text primary key constraint grants_id_not_empty check (id <> ''),
    subject_kind text not null constraint grants_subject_kind_check check (subject_kind in ('user', 'group')),
    subject_id text not null,
    subject_user text generated always as (case when subject_kind = 'user' then subject_id end) stored
      references users (id) on delete cascade,
    subject_group text generated always as (case when subject_kind = 'group' then subject_id end) stored
      references groups (id) on delete cascade,
    role text references roles (id) on delete cascade,
    permission text constraint grants_permission_format check (permission ~ '^[a-z][a-z-]*:[A-Za-z0-9_.-]+$'),
    org text not null references organizations (id) on delete cascade,
    product text references products (id),
    instance text,
    project text,
    environment text,
    flag text,
    expires_at timestamptz,
    granted_by text,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint grants_role_or_permission check (num_nonnulls(role, permission) = 1),
    constraint grants_scope_no_gap check (
      (product is not null or instance is null)
      and (instance is not null or project is null)
      and (project is not null or environment is null)
      and (environment is not null or flag is null)
    ),
    constraint grants_instance_fkey foreign key (instance, org, product)
      references instances (id, org, product) on delete cascade,
    constraint grants_project_fkey foreign key (project, instance) references projects (id, instance) on delete cascade,
    constraint grants_environment_fkey foreign key (environment, project)
      references environments (id, project) on delete cascade,
    constraint grants_flag_fkey foreign key (flag, project) references flags (id, project) on delete cascade
  )`,
  "create index grants_subject_idx on grants (subject_kind, subject_id)",
  "create index grants_scope_idx on grants (org, product, instance, project, environment, flag)",
  `create unique index grants_unique_key on grants
    (subject_kind, subject_id, role, permission, org, product, instance, project, environment, flag) nulls not distinct`,
  "create index grants_role_idx on grants (role) where role is not null",
  "create index grants_subject_user_idx on grants (subject_user) where subject_user is not null",
  "create index grants_subject_group_idx on grants (subject_group) where subject_group is not null",
  "create index grants_project_idx on grants (project) where project is not null",
  "create index grants_environment_idx on grants (environment) where environment is not null",
  "create index grants_flag_idx on grants (flag) where flag is not null",
  "create index grants_expires_at_idx on grants (expires_at) where expires_at is not null",
];

export default runStatements(statements);

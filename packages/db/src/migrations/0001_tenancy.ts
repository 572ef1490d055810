// Migration 1, tenancy: the product list, organizations and what they enable, and the resource tree
// below them (instances, Experimentation projects, Feature environments, flags and their per-environment state).
import { runStatements } from "./run-statements.ts";

/** The catalog's product ids (spec section 3). A new product is added by a later migration's insert. */
export const productIds = [
  "admin-center",
  "mission-control",
  "experimentation",
  "odp",
  "pim",
  "content-recommendations",
  "collaboration",
  "product-recommendations",
  "cmp",
  "cms",
  "configured-commerce",
] as const;

export const statements: ReadonlyArray<string> = [
  `create table products (
    id text primary key constraint products_id_format check (id ~ '^[a-z][a-z-]*$'),
    created_at timestamptz not null default now()
  )`,
  `insert into products (id) values ${productIds.map((id) => `('${id}')`).join(", ")}`,

  `create table organizations (
    id text primary key constraint organizations_id_not_empty check (id <> ''),
    name text not null,
    kind text not null constraint organizations_kind_check check (kind in ('customer', 'partner')),
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,

  `create table organization_products (
    org text not null references organizations (id) on delete cascade,
    product text not null references products (id),
    enabled boolean not null default true,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (org, product)
  )`,

  `create table instances (
    id text primary key constraint instances_id_not_empty check (id <> ''),
    org text not null references organizations (id) on delete cascade,
    product text not null references products (id),
    name text not null,
    production boolean,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint instances_id_org_product_key unique (id, org, product),
    constraint instances_id_org_key unique (id, org)
  )`,
  "create unique index instances_name_key on instances (org, product, lower(name))",

  `create table projects (
    id text primary key constraint projects_id_not_empty check (id <> ''),
    org text not null references organizations (id) on delete cascade,
    instance text not null,
    name text not null,
    platform text not null constraint projects_platform_check check (platform in ('web', 'feature')),
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint projects_instance_fkey foreign key (instance, org) references instances (id, org) on delete cascade,
    constraint projects_id_instance_key unique (id, instance)
  )`,
  "create index projects_instance_idx on projects (instance)",
  "create index projects_org_idx on projects (org)",

  `create table environments (
    id text primary key constraint environments_id_not_empty check (id <> ''),
    project text not null references projects (id) on delete cascade,
    key text not null,
    name text not null,
    production boolean not null default false,
    is_primary boolean not null default false,
    archived boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint environments_primary_is_production check (not is_primary or production),
    constraint environments_primary_not_archived check (not (is_primary and archived)),
    constraint environments_key_key unique (project, key),
    constraint environments_id_project_key unique (id, project)
  )`,
  "create unique index environments_one_primary on environments (project) where is_primary",

  `create table flags (
    id text primary key constraint flags_id_not_empty check (id <> ''),
    project text not null references projects (id) on delete cascade,
    key text not null,
    name text not null,
    status text not null default 'draft' constraint flags_status_check check (status in ('draft', 'running', 'paused')),
    archived boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint flags_key_key unique (project, key),
    constraint flags_id_project_key unique (id, project)
  )`,

  `create table flag_environment_states (
    flag text not null,
    environment text not null,
    project text not null,
    enabled boolean not null default false,
    ruleset_published boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (flag, environment),
    constraint flag_environment_states_flag_fkey foreign key (flag, project) references flags (id, project) on delete cascade,
    constraint flag_environment_states_environment_fkey foreign key (environment, project) references environments (id, project) on delete cascade
  )`,
  "create index flag_environment_states_environment_idx on flag_environment_states (environment)",
];

export default runStatements(statements);

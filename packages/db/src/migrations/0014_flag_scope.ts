// Migration 14, flag scope: a flag role is one role per flag in every environment, granted at {…project, flag}
// (issue 13). Stored per-environment flag grants merge into one per subject and flag, the most restrictive kept.
import { runStatements } from "./run-statements.ts";

/** The flag roles, most restrictive first: where environments disagreed, the first one held is kept. */
const flagRoles = ["flag-none", "flag-viewer", "flag-editor", "flag-admin"].map(
  (r) => `'experimentation:${r}'`,
);
const rank = `array_position(array[${flagRoles.join(", ")}], role)`;
const perEnvironment = `role in (${flagRoles.join(", ")}) and environment is not null and flag is not null`;
const oneFlag = "subject_kind, subject_id, org, product, instance, project, flag";
const flagScope = `jsonb_build_object('org', org, 'product', product, 'instance', instance, 'project', project,
  'flag', flag)`;

export const statements: ReadonlyArray<string> = [
  // a flag needs its project, not an environment; every other gap stays refused
  "alter table grants drop constraint grants_scope_no_gap",
  `alter table grants add constraint grants_scope_no_gap check (
    (product is not null or instance is null)
    and (instance is not null or project is null)
    and (project is not null or environment is null)
    and (project is not null or flag is null)
  )`,
  // one audit row per subject and flag whose environments disagreed: different roles, or some environment
  // without a grant (it had the project role's default); it names each environment's role and the one kept
  `insert into audit_log (actor_kind, org, action, target_kind, target_id, before, after)
   select 'system', org, 'grant.flag-roles-merge', 'grant', kept_id,
     jsonb_build_object('subject', subject, 'scope', scope, 'environments', environments),
     jsonb_build_object('id', kept_id, 'subject', subject, 'role', kept_role, 'scope', scope,
       'reason', 'a flag role applies to its flag in every environment: the environments disagreed, so the most restrictive role is kept')
   from (
     select org, ${flagScope} as scope,
       jsonb_build_object('kind', subject_kind, 'id', subject_id) as subject,
       (array_agg(id order by ${rank}, id))[1] as kept_id,
       (array_agg(role order by ${rank}, id))[1] as kept_role,
       jsonb_agg(jsonb_build_object('environment', environment, 'role', role) order by environment, ${rank})
         as environments,
       count(distinct role) > 1
         or count(distinct environment) < (select count(*) from environments e
                                           where e.project = g.project and not e.archived) as disagreed
     from grants g where ${perEnvironment}
     group by ${oneFlag}
   ) merged
   where disagreed`,
  // keep the most restrictive grant of each subject and flag, moved to the flag scope
  `delete from grants where id in (
     select id from (
       select id, row_number() over (partition by ${oneFlag} order by ${rank}, id) as n
       from grants where ${perEnvironment}
     ) ranked where n > 1)`,
  `update grants set environment = null, version = version + 1, updated_at = now() where ${perEnvironment}`,
  // a flag role never sits in one environment again
  `alter table grants add constraint grants_flag_role_at_flag check (
    role is null or role not in (${flagRoles.join(", ")}) or environment is null
  )`,
  // product-group memberships follow the grants that remain (as migration 11 does)
  `delete from group_members m using groups g
   where g.id = m.group_id and g.kind = 'product' and g.role in (${flagRoles.join(", ")})
     and not exists (select 1 from grants t
                     where t.subject_user = m.user_id and t.org = g.org and t.role = g.role
                       and t.expires_at is null)`,
  // pending invitations record the grants they gave: their flag roles move to the flag scope too
  `update invitations i set grants = (
     select coalesce(jsonb_agg(e order by o), '[]'::jsonb) from (
       select e, min(o) as o from (
         select case when x ->> 'role' in (${flagRoles.join(", ")}) and x -> 'scope' ? 'flag'
                     then jsonb_set(x, '{scope}', (x -> 'scope') - 'environment') else x end as e, o
         from jsonb_array_elements(i.grants) with ordinality as t(x, o)
       ) moved group by e
     ) deduped)
   where exists (select 1 from jsonb_array_elements(i.grants) x
                 where x ->> 'role' in (${flagRoles.join(", ")}) and x -> 'scope' ? 'environment')`,
];

export default runStatements(statements);

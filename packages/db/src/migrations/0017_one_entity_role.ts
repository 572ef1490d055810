// Migration 17, one entity role: a subject holds one role per environment and one per flag (spec; domain
// rules/entity-roles.ts). Where it held several, the one kept is in force first, then the most restrictive.
import { runStatements } from "./run-statements.ts";

/** The entity roles, most restrictive first (as migration 14 ranks the flag roles). */
const entityRoles = [
  "flag-none",
  "flag-viewer",
  "flag-editor",
  "flag-admin",
  "env-viewer",
  "env-editor",
  "env-publisher",
  "env-admin",
].map((r) => `'experimentation:${r}'`);
// Only the entity roles are given at an environment or a flag (their levels; impossibleGrant refuses any other).
const atEntity = "role is not null and (environment is not null or flag is not null)";
const oneEntity = "subject_kind, subject_id, org, product, instance, project, environment, flag";
const rank = `(expires_at is not null and expires_at <= now()), array_position(array[${entityRoles.join(", ")}], role), id`;
const entityScope = `jsonb_strip_nulls(jsonb_build_object('org', org, 'product', product, 'instance', instance,
  'project', project, 'environment', environment, 'flag', flag))`;

export const statements: ReadonlyArray<string> = [
  // one audit row per subject and entity that held several roles: each grant held, and the one kept
  `insert into audit_log (actor_kind, org, action, target_kind, target_id, before, after)
   select 'system', org, 'grant.entity-roles-merge', 'grant', kept_id,
     jsonb_build_object('subject', subject, 'scope', scope, 'grants', held),
     jsonb_build_object('id', kept_id, 'subject', subject, 'role', kept_role, 'scope', scope,
       'reason', 'one role per environment and per flag: of the roles held there, the one in force and most restrictive is kept')
   from (
     select org, ${entityScope} as scope,
       jsonb_build_object('kind', subject_kind, 'id', subject_id) as subject,
       (array_agg(id order by ${rank}))[1] as kept_id,
       (array_agg(role order by ${rank}))[1] as kept_role,
       jsonb_agg(jsonb_build_object('id', id, 'role', role, 'expiresAt', expires_at) order by ${rank}) as held
     from grants where ${atEntity}
     group by ${oneEntity}
     having count(*) > 1
   ) merged`,
  `delete from grants where id in (
     select id from (
       select id, row_number() over (partition by ${oneEntity} order by ${rank}) as n
       from grants where ${atEntity}
     ) ranked where n > 1)`,
  // product-group memberships follow the grants that remain (as migrations 11 and 14 do)
  `delete from group_members m using groups g
   where g.id = m.group_id and g.kind = 'product' and g.role in (${entityRoles.join(", ")})
     and not exists (select 1 from grants t
                     where t.subject_user = m.user_id and t.org = g.org and t.role = g.role
                       and t.expires_at is null)`,
  // the rule itself, whatever the path and however many requests race
  `create unique index grants_one_entity_role on grants (${oneEntity}) nulls not distinct where ${atEntity}`,
];

export default runStatements(statements);

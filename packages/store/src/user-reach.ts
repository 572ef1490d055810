// Which grants reach a place for its user list (docs/decisions.md#users): those inside it, and those above it
// (product-wide, organization) that give the place's own product's roles; a user holds them directly or as a member.
import type { SqlClient, Statement } from "effect/sql";

/** A place of one organization: a product, an instance or a project (all of the organization without one). */
export interface ListedPlace {
  readonly product?: string | undefined;
  readonly instance?: string | undefined;
  readonly project?: string | undefined;
}

/** `grants g` (with `roles r` joined on its role) at or below `place`. */
const inside = (sql: SqlClient.SqlClient, place: ListedPlace): Array<Statement.Fragment> => [
  ...(place.product === undefined ? [] : [sql`g.product = ${place.product}`]),
  ...(place.instance === undefined ? [] : [sql`g.instance = ${place.instance}`]),
  ...(place.project === undefined ? [] : [sql`g.project = ${place.project}`]),
];

/** `grants g` strictly above `place` giving a role (or permission) of the place's product. */
const above = (sql: SqlClient.SqlClient, org: string, place: ListedPlace): Statement.Fragment | undefined => {
  const product = place.product;
  if (product === undefined) return undefined;
  const levels = [sql`g.product is null`];
  if (place.instance !== undefined || place.project !== undefined)
    levels.push(sql`(g.product = ${product} and g.instance is null)`);
  if (place.project !== undefined) {
    const instance =
      place.instance === undefined
        ? sql`(select p.instance from projects p where p.id = ${place.project} and p.org = ${org})`
        : sql`${place.instance}`;
    levels.push(sql`(g.product = ${product} and g.instance = ${instance} and g.project is null)`);
  }
  return sql`(coalesce(r.product, split_part(g.permission, ':', 1)) = ${product} and ${sql.or(levels)})`;
};

/**
 * `reaching`, the grants of `org` that reach `place`, as a CTE to put before a select: each with its subject,
 * what it gives (role and its name, or permission), its scope with the names of its instance, project,
 * environment and flag, and its expiry.
 */
export const reachingGrants = (
  sql: SqlClient.SqlClient,
  org: string,
  place: ListedPlace,
): Statement.Fragment => {
  const within = inside(sql, place);
  const higher = above(sql, org, place);
  const reach = higher === undefined ? sql.and(within) : sql.or([sql.and(within), higher]);
  return sql`reaching as (
    select g.id, g.subject_user, g.subject_group, g.role, r.name as role_name, g.permission, g.product,
           g.instance, i.name as instance_name, g.project, p.name as project_name, g.environment,
           e.name as environment_name, g.flag, f.name as flag_name, g.expires_at
    from grants g
    left join roles r on r.id = g.role
    left join instances i on i.id = g.instance and i.org = g.org
    left join projects p on p.id = g.project and p.instance = g.instance
    left join environments e on e.id = g.environment and e.project = g.project
    left join flags f on f.id = g.flag and f.project = g.project
    where g.org = ${org} and ${reach}
  )`;
};

/** The ids of the users `reaching` grants reach: their subjects and the members of their groups. */
export const reachedUsers = (sql: SqlClient.SqlClient): Statement.Fragment =>
  sql`(select x.subject_user from reaching x where x.subject_user is not null
       union select m.user_id from reaching x join group_members m on m.group_id = x.subject_group)`;

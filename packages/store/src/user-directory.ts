// The user directory: one organization's users, or those whose grants reach a place, in keyset pages sorted by
// email, name or status, searchable by name or email (the Admin Center's user lists, 10,000 users and more).
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import { type ListedPlace, reachedUsers, reachingGrants } from "./user-reach.ts";
import type { UserRecord } from "./users.ts";

/** What a directory page is sorted by; email is unique, names and statuses repeat. */
export type UserSortKey = "email" | "name" | "status";

export interface UserSort {
  readonly by: UserSortKey;
  readonly direction: "asc" | "desc";
}

/** The order of the directory when none is asked: email, A to Z. */
export const defaultUserSort: UserSort = { by: "email", direction: "asc" };

/**
 * Where the previous page ended: its last user's sort value (lower-cased name, status, or lower-cased email)
 * and lower-cased email, which breaks ties between equal names or statuses (emails are unique).
 */
export interface UserPagePosition {
  readonly key: string;
  readonly email: string;
}

/** One page of the user directory in `sort` order (lower-cased email by default), after `after` (exclusive). */
export interface UserPageQuery {
  readonly org: string;
  /** Users whose grants reach this place of `org` (user-reach.ts); all users of `org` when absent. */
  readonly scope?: ListedPlace | undefined;
  /** Matches name or email, case-insensitive, anywhere. */
  readonly search?: string | undefined;
  readonly sort?: UserSort | undefined;
  /** The position of the previous page's last user, in the same sort. */
  readonly after?: UserPagePosition | undefined;
  readonly limit: number;
}

/** A user of a directory page and where it stands in the page's sort (what a cursor after it carries). */
export interface DirectoryUser extends UserRecord {
  readonly position: UserPagePosition;
}

/** One grant reaching a place and a user it reaches, directly or through `group`. */
export interface ReachingGrant {
  readonly user: string;
  readonly grant: string;
  readonly role: string | null;
  readonly roleName: string | null;
  readonly permission: string | null;
  readonly scope: {
    readonly product: string | null;
    readonly instance: string | null;
    readonly project: string | null;
    readonly environment: string | null;
    readonly flag: string | null;
  };
  /** The names of the scope's instance, project, environment and flag, when it has them. */
  readonly names: {
    readonly instance: string | null;
    readonly project: string | null;
    readonly environment: string | null;
    readonly flag: string | null;
  };
  readonly group: { readonly id: string; readonly name: string } | null;
  /** When the grant stops counting (null: never); an expired one is listed as expired, not as held. */
  readonly expiresAt: Date | null;
}

export interface UserDirectoryShape {
  readonly page: (query: UserPageQuery) => Effect.Effect<ReadonlyArray<DirectoryUser>>;
  /** The grants reaching `place` of `org` that reach each of `users` (a page's), by user then grant. */
  readonly reach: (
    org: string,
    place: ListedPlace,
    users: ReadonlyArray<string>,
  ) => Effect.Effect<ReadonlyArray<ReachingGrant>>;
}

interface ReachRow {
  readonly user_id: string;
  readonly id: string;
  readonly role: string | null;
  readonly role_name: string | null;
  readonly permission: string | null;
  readonly product: string | null;
  readonly instance: string | null;
  readonly instance_name: string | null;
  readonly project: string | null;
  readonly project_name: string | null;
  readonly environment: string | null;
  readonly environment_name: string | null;
  readonly flag: string | null;
  readonly flag_name: string | null;
  readonly group_id: string | null;
  readonly group_name: string | null;
  readonly expires_at: Date | null;
}

const reachingGrant = (row: ReachRow): ReachingGrant => ({
  user: row.user_id,
  grant: row.id,
  role: row.role,
  roleName: row.role_name,
  permission: row.permission,
  scope: {
    product: row.product,
    instance: row.instance,
    project: row.project,
    environment: row.environment,
    flag: row.flag,
  },
  names: {
    instance: row.instance_name,
    project: row.project_name,
    environment: row.environment_name,
    flag: row.flag_name,
  },
  group: row.group_id === null ? null : { id: row.group_id, name: row.group_name ?? row.group_id },
  expiresAt: row.expires_at,
});

/** `%`, `_` and `\` taken literally in an ILIKE pattern. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Row extends UserRecord {
  readonly sort_key: string;
  readonly email_key: string;
}

/** The position comes from SQL's own lower(), so the next page compares like for like whatever the locale. */
const directoryUser = ({ sort_key, email_key, ...user }: Row): DirectoryUser => ({
  ...user,
  position: { key: sort_key, email: email_key },
});

const makeDirectory = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  /** The sort value's SQL (indexed with lower(email): users_email_key, 0008's sort indexes), and the direction. */
  const sortColumn = { email: sql`lower(u.email)`, name: sql`lower(u.name)`, status: sql`u.status` };
  const direction = { asc: sql.unsafe("asc"), desc: sql.unsafe("desc") };

  const page = Effect.fn("UserDirectory.page")(function* (query: UserPageQuery) {
    const scope = query.scope;
    const sort = query.sort ?? defaultUserSort;
    const inScope = scope === undefined ? sql`u.org = ${query.org}` : sql`u.id in ${reachedUsers(sql)}`;
    const pattern = query.search === undefined ? undefined : `%${likeLiteral(query.search)}%`;
    const key = sortColumn[sort.by];
    const beyond = sort.direction === "asc" ? sql`>` : sql`<`;
    const after = query.after;
    const conditions = [
      inScope,
      ...(pattern === undefined ? [] : [sql`(u.name ilike ${pattern} or u.email ilike ${pattern})`]),
      ...(after === undefined
        ? []
        : sort.by === "email"
          ? [sql`lower(u.email) ${beyond} ${after.email}`]
          : [sql`(${key}, lower(u.email)) ${beyond} (${after.key}, ${after.email})`]),
    ];
    const order =
      sort.by === "email"
        ? sql`lower(u.email) ${direction[sort.direction]}`
        : sql`${key} ${direction[sort.direction]}, lower(u.email) ${direction[sort.direction]}`;
    const reaching = scope === undefined ? sql`` : sql`with ${reachingGrants(sql, query.org, scope)}`;
    const rows = yield* Effect.orDie(
      sql<Row>`${reaching} select u.id, u.org, u.email, u.name, u.language, u.status, u.version,
                      ${key} as sort_key, lower(u.email) as email_key
               from users u where ${sql.and(conditions)} order by ${order} limit ${query.limit}`,
    );
    return rows.map(directoryUser);
  });

  const reach = Effect.fn("UserDirectory.reach")(function* (
    org: string,
    place: ListedPlace,
    users: ReadonlyArray<string>,
  ) {
    if (users.length === 0) return [];
    const rows = yield* Effect.orDie(
      sql<ReachRow>`with ${reachingGrants(sql, org, place)}
        select x.subject_user as user_id, x.*, null as group_id, null as group_name
        from reaching x where x.subject_user in ${sql.in(users)}
        union all
        select m.user_id, x.*, grp.id as group_id, grp.name as group_name
        from reaching x join group_members m on m.group_id = x.subject_group
        join groups grp on grp.id = x.subject_group
        where m.user_id in ${sql.in(users)}
        order by user_id, group_name nulls first, id`,
    );
    return rows.map(reachingGrant);
  });

  return { page, reach } satisfies UserDirectoryShape;
});

export class UserDirectory extends Context.Service<UserDirectory, UserDirectoryShape>()(
  "@gatehouse/store/UserDirectory",
) {
  static readonly layer = Layer.effect(UserDirectory, makeDirectory);
}

// The user directory: one organization's users, or those holding a grant inside a scope, in keyset pages
// sorted by email, name or status, searchable by name or email (the Admin Center's user lists, 10,000 users and more).
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
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
  /** Users holding a direct grant inside this scope (of `org`); all users of `org` when absent. */
  readonly scope?:
    | {
        readonly product?: string | undefined;
        readonly instance?: string | undefined;
        readonly project?: string | undefined;
      }
    | undefined;
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

export interface UserDirectoryShape {
  readonly page: (query: UserPageQuery) => Effect.Effect<ReadonlyArray<DirectoryUser>>;
}

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
    const inScope =
      scope === undefined
        ? sql`u.org = ${query.org}`
        : sql`exists (select 1 from grants g where g.subject_user = u.id and ${sql.and([
            sql`g.org = ${query.org}`,
            ...(scope.product === undefined ? [] : [sql`g.product = ${scope.product}`]),
            ...(scope.instance === undefined ? [] : [sql`g.instance = ${scope.instance}`]),
            ...(scope.project === undefined ? [] : [sql`g.project = ${scope.project}`]),
          ])})`;
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
    const rows = yield* Effect.orDie(
      sql<Row>`select u.id, u.org, u.email, u.name, u.language, u.status, u.version,
                      ${key} as sort_key, lower(u.email) as email_key
               from users u where ${sql.and(conditions)} order by ${order} limit ${query.limit}`,
    );
    return rows.map(directoryUser);
  });

  return { page } satisfies UserDirectoryShape;
});

export class UserDirectory extends Context.Service<UserDirectory, UserDirectoryShape>()(
  "@gatehouse/store/UserDirectory",
) {
  static readonly layer = Layer.effect(UserDirectory, makeDirectory);
}

// The user directory: one organization's users, or those holding a grant inside a scope, in keyset pages
// ordered by email, searchable by name or email (the Admin Center's user lists, 10,000 users and more).
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import type { UserRecord } from "./users.ts";

/** One page of the user directory: users ordered by lower-cased email, after `after` (exclusive). */
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
  /** The lower-cased email of the previous page's last user. */
  readonly after?: string | undefined;
  readonly limit: number;
}

export interface UserDirectoryShape {
  readonly page: (query: UserPageQuery) => Effect.Effect<ReadonlyArray<UserRecord>>;
}

/** `%`, `_` and `\` taken literally in an ILIKE pattern. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const makeDirectory = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  const page = Effect.fn("UserDirectory.page")(function* (query: UserPageQuery) {
    const scope = query.scope;
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
    const conditions = [
      inScope,
      ...(pattern === undefined ? [] : [sql`(u.name ilike ${pattern} or u.email ilike ${pattern})`]),
      ...(query.after === undefined ? [] : [sql`lower(u.email) > ${query.after}`]),
    ];
    return yield* Effect.orDie(
      sql<UserRecord>`select u.id, u.org, u.email, u.name, u.language, u.status, u.version from users u
                      where ${sql.and(conditions)} order by lower(u.email) limit ${query.limit}`,
    );
  });

  return { page } satisfies UserDirectoryShape;
});

export class UserDirectory extends Context.Service<UserDirectory, UserDirectoryShape>()(
  "@gatehouse/store/UserDirectory",
) {
  static readonly layer = Layer.effect(UserDirectory, makeDirectory);
}

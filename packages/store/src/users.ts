// Users: one home organization each, a globally unique email, and membership of their org's `Everyone`.
// Sign-in reads the credentials by email; everything else reads the user without its password hash.
import { countsForNothing } from "@gatehouse/domain";
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import type { Change, Written } from "./changes.ts";
import { type AlreadyExists, InvalidChange, type NotFound, type VersionConflict } from "./errors.ts";
import { newId } from "./ids.ts";
import { constraintsAs } from "./sql-failures.ts";
import { found, updated } from "./versioned.ts";

export type UserStatus = "invited" | "active" | "deactivated" | "disabled";

/** When a deactivated account was deactivated, and by whom (a user id; null when it was no user). */
export interface Deactivation {
  readonly at: Date;
  readonly by: string | null;
}

export interface UserRecord {
  readonly id: string;
  readonly org: string;
  readonly email: string;
  readonly name: string;
  readonly language: string;
  readonly status: UserStatus;
  readonly version: number;
}

export interface UserCredentials {
  readonly id: string;
  readonly org: string;
  readonly status: UserStatus;
  readonly passwordHash: string | null;
}

export interface NewUser {
  /** Generated (`usr_…`) when omitted. */
  readonly id?: string | undefined;
  readonly org: string;
  readonly email: string;
  readonly name: string;
  readonly language?: string | undefined;
  readonly status?: UserStatus | undefined;
  readonly passwordHash?: string | null | undefined;
}

export interface UsersShape {
  readonly create: (input: NewUser) => Effect.Effect<Written<UserRecord>, AlreadyExists | InvalidChange>;
  readonly get: (id: string) => Effect.Effect<UserRecord, NotFound>;
  readonly list: (org: string) => Effect.Effect<ReadonlyArray<UserRecord>>;
  /** The account signing in with `email` (case-insensitive), with its password hash. */
  readonly credentials: (email: string) => Effect.Effect<UserCredentials, NotFound>;
  /** Sets the password hash and makes the account active (accepting an invitation), given its version. */
  readonly setPassword: (
    id: string,
    version: number,
    passwordHash: string,
  ) => Effect.Effect<Written<UserRecord>, NotFound | VersionConflict>;
  /**
   * Takes the user out of organization `org`: out of every group there (Everyone included) and, when `org` is its
   * home, disabled with no password and no sessions, so it cannot sign in again, and counting for nothing in the
   * engine (`user.deactivated`, a deactivated account's already does). Its grants are the caller's.
   */
  readonly leave: (id: string, org: string) => Effect.Effect<Written<UserRecord>, NotFound>;
  /**
   * Deactivates the active account at `version` (`by` is who did it): it signs in no more, its sessions end at
   * once, and the engine is told (`user.deactivated`). Its grants and memberships stay. API keys are `ApiKeys`'.
   */
  readonly deactivate: (
    id: string,
    version: number,
    by: string,
  ) => Effect.Effect<Written<UserRecord>, NotFound | VersionConflict>;
  /** Reactivates the deactivated account at `version`: it signs in again and its grants count again. */
  readonly reactivate: (
    id: string,
    version: number,
  ) => Effect.Effect<Written<UserRecord>, NotFound | VersionConflict>;
  /** When and by whom the account was deactivated; undefined when it is not deactivated. */
  readonly deactivation: (id: string) => Effect.Effect<Deactivation | undefined>;
  /**
   * Makes an account that cannot sign in (no password: taken out of its organization) invited again: status
   * `invited` and back in its organization's Everyone, so a new invitation lets it set a password, and its grants
   * count again (`user.reactivated` for a removed one). Given its version.
   */
  readonly reinvite: (
    id: string,
    version: number,
  ) => Effect.Effect<Written<UserRecord>, NotFound | VersionConflict>;
  /** Deletes the user with its grants and memberships. */
  readonly remove: (id: string) => Effect.Effect<Written<UserRecord>, NotFound>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const columns = sql`id, org, email, name, language, status, version`;

  const get = Effect.fn("Users.get")(function* (id: string) {
    const rows = yield* Effect.orDie(sql<UserRecord>`select ${columns} from users where id = ${id}`);
    return yield* found("user", id, rows);
  });

  const list = Effect.fn("Users.list")(function* (org: string) {
    return yield* Effect.orDie(
      sql<UserRecord>`select ${columns} from users where org = ${org} order by lower(email)`,
    );
  });

  const credentials = Effect.fn("Users.credentials")(function* (email: string) {
    const rows = yield* Effect.orDie(
      sql<UserCredentials>`select id, org, status, password_hash as "passwordHash"
                           from users where lower(email) = lower(${email})`,
    );
    return yield* found("user", email, rows);
  });

  const create = Effect.fn("Users.create")(function* (input: NewUser) {
    const id = input.id ?? newId("usr");
    const everyone = yield* sql<{
      readonly id: string;
    }>`select id from groups where org = ${input.org} and kind = 'everyone'`;
    const group = everyone[0]?.id;
    if (group === undefined)
      return yield* new InvalidChange({ reason: `organization "${input.org}" does not exist` });
    yield* sql`insert into users (id, org, email, name, language, status, password_hash)
               values (${id}, ${input.org}, ${input.email}, ${input.name}, ${input.language ?? "en"},
                       ${input.status ?? "invited"}, ${input.passwordHash ?? null})`;
    yield* sql`insert into group_members (group_id, user_id, org) values (${group}, ${id}, ${input.org})`;
    const user = yield* Effect.orDie(get(id));
    const changes: ReadonlyArray<Change> = [
      { type: "user.added", user: id, org: input.org },
      { type: "member.added", group, user: id },
    ];
    return { value: user, before: null, after: user, changes } satisfies Written<UserRecord>;
  }, constraintsAs("user"));

  const setPassword = Effect.fn("Users.setPassword")(function* (
    id: string,
    version: number,
    passwordHash: string,
  ) {
    const before = yield* get(id);
    yield* updated(
      "user",
      id,
      version,
      yield* Effect.orDie(sql`update users set password_hash = ${passwordHash}, status = 'active',
                                version = version + 1, updated_at = now()
                              where id = ${id} and version = ${version} and status <> 'deactivated'
                              returning id`),
    );
    const after = yield* get(id);
    // The audit snapshots never hold the hash. A removed account made active counts again (as once loaded).
    const changes: ReadonlyArray<Change> = countsForNothing(before.status)
      ? [{ type: "user.reactivated", user: id }]
      : [];
    return { value: after, before, after, changes } satisfies Written<UserRecord>;
  });

  const leave = Effect.fn("Users.leave")(function* (id: string, org: string) {
    const before = yield* get(id);
    const left = yield* Effect.orDie(sql<{ readonly group_id: string }>`
      delete from group_members m using groups g
      where m.group_id = g.id and g.org = ${org} and m.user_id = ${id} returning m.group_id`);
    if (before.org === org)
      yield* Effect.orDie(
        Effect.andThen(
          sql`update users set status = 'disabled', password_hash = null, deactivated_at = null, deactivated_by = null,
                               version = version + 1, updated_at = now()
            where id = ${id}`,
          sql`delete from sessions where user_id = ${id}`,
        ),
      );
    const after = yield* get(id);
    const changes = left.map((row): Change => ({ type: "member.removed", group: row.group_id, user: id }));
    // A removed account counts for nothing anywhere, as a deactivated one does (which it stays for the engine):
    // whatever it still holds in other organizations counts again only once it is invited again.
    if (before.org === org && !countsForNothing(before.status))
      changes.push({ type: "user.deactivated", user: id });
    return { value: after, before, after, changes } satisfies Written<UserRecord>;
  });

  const deactivate = Effect.fn("Users.deactivate")(function* (id: string, version: number, by: string) {
    const before = yield* get(id);
    yield* updated(
      "user",
      id,
      version,
      yield* Effect.orDie(sql`update users set status = 'deactivated', deactivated_at = now(), deactivated_by = ${by},
                                version = version + 1, updated_at = now()
                              where id = ${id} and version = ${version} and status = 'active' returning id`),
    );
    yield* Effect.orDie(sql`delete from sessions where user_id = ${id}`);
    const after = yield* get(id);
    const changes: ReadonlyArray<Change> = [{ type: "user.deactivated", user: id }];
    return { value: after, before, after, changes } satisfies Written<UserRecord>;
  });

  const reactivate = Effect.fn("Users.reactivate")(function* (id: string, version: number) {
    const before = yield* get(id);
    yield* updated(
      "user",
      id,
      version,
      yield* Effect.orDie(sql`update users set status = 'active', deactivated_at = null, deactivated_by = null,
                                version = version + 1, updated_at = now()
                              where id = ${id} and version = ${version} and status = 'deactivated' returning id`),
    );
    const after = yield* get(id);
    const changes: ReadonlyArray<Change> = [{ type: "user.reactivated", user: id }];
    return { value: after, before, after, changes } satisfies Written<UserRecord>;
  });

  const deactivation = Effect.fn("Users.deactivation")(function* (id: string) {
    const rows = yield* Effect.orDie(
      sql<Deactivation>`select deactivated_at as "at", deactivated_by as "by" from users
                        where id = ${id} and status = 'deactivated'`,
    );
    return rows[0];
  });

  const reinvite = Effect.fn("Users.reinvite")(function* (id: string, version: number) {
    const before = yield* get(id);
    yield* updated(
      "user",
      id,
      version,
      yield* Effect.orDie(sql`update users set status = 'invited', version = version + 1, updated_at = now()
                              where id = ${id} and version = ${version} and password_hash is null returning id`),
    );
    const joined = yield* Effect.orDie(sql<{ readonly group_id: string }>`
      insert into group_members (group_id, user_id, org)
      select g.id, ${id}, g.org from groups g where g.org = ${before.org} and g.kind = 'everyone'
      on conflict do nothing returning group_id`);
    const after = yield* get(id);
    const changes = joined.map((row): Change => ({ type: "member.added", group: row.group_id, user: id }));
    // Invited again, a removed account's grants count again (an invited account's do).
    if (countsForNothing(before.status)) changes.push({ type: "user.reactivated", user: id });
    return { value: after, before, after, changes } satisfies Written<UserRecord>;
  });

  const remove = Effect.fn("Users.remove")(function* (id: string) {
    const user = yield* get(id);
    yield* Effect.orDie(sql`delete from users where id = ${id}`);
    const changes: ReadonlyArray<Change> = [{ type: "subject.removed", subject: id }];
    return { value: user, before: user, after: null, changes } satisfies Written<UserRecord>;
  });

  return {
    create,
    get,
    list,
    credentials,
    setPassword,
    leave,
    deactivate,
    reactivate,
    deactivation,
    reinvite,
    remove,
  } satisfies UsersShape;
});

export class Users extends Context.Service<Users, UsersShape>()("@gatehouse/store/Users") {
  static readonly layer = Layer.effect(Users, make);
}

// The grants an unaccepted invitation gave, made up front: they expire with the invitation while its account has
// not signed in, accepting confirms them (no expiry), revoking or replacing the invitation withdraws them.
import type { Scope } from "@gatehouse/domain";
import { Effect } from "effect";
import type { SqlClient } from "effect/sql";
import type { GrantRecord, GrantsShape } from "./grants.ts";

/** A grant an invitation records (role and scope, as the API took it). */
interface Given {
  readonly role: string;
  readonly scope: Scope;
}

const scopeKeys = ["org", "product", "instance", "project", "environment", "flag"] as const;
const sameScope = (a: Scope, b: Scope): boolean => scopeKeys.every((key) => a[key] === b[key]);

/** Has the account `userId` never signed in (status `invited`)? */
export const stillInvited = (sql: SqlClient.SqlClient, userId: string | null) =>
  userId === null
    ? Effect.succeed(false)
    : Effect.map(
        Effect.orDie(sql<{ readonly status: string }>`select status from users where id = ${userId}`),
        (rows) => rows[0]?.status === "invited",
      );

/** The grants of `given` that the never-signed-in account `userId` holds (none once it signed in). */
export const invitedGrants = (
  sql: SqlClient.SqlClient,
  grants: GrantsShape,
  userId: string | null,
  given: ReadonlyArray<Given>,
) =>
  Effect.gen(function* () {
    if (userId === null || !(yield* stillInvited(sql, userId))) return [];
    const held = yield* grants.list({ subject: { kind: "user", id: userId } });
    return held.filter((g) => given.some((i) => i.role === g.role && sameScope(i.scope, g.scope)));
  });

/** Sets each grant's expiry (`null`: it no longer expires); the changes for the engine. */
export const holdUntil = (grants: GrantsShape, held: ReadonlyArray<GrantRecord>, expiresAt: Date | null) =>
  Effect.map(
    Effect.forEach(held, (g) =>
      grants
        .update(g.id, g.version, { expiresAt })
        .pipe(
          Effect.catchTags({ NotFound: Effect.die, InvalidChange: Effect.die, AlreadyExists: Effect.die }),
        ),
    ),
    (written) => written.flatMap((w) => w.changes),
  );

/** Removes each grant (leaving product groups as the grants go); the changes for the engine. */
export const withdraw = (grants: GrantsShape, held: ReadonlyArray<GrantRecord>) =>
  Effect.map(
    Effect.forEach(held, (g) => grants.remove(g.id, g.version).pipe(Effect.catchTag("NotFound", Effect.die))),
    (written) => written.flatMap((w) => w.changes),
  );

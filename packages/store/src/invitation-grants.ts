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

/** What an invitation says about its grants: to whom, and which. */
interface Inviting {
  readonly userId: string | null;
  readonly grants: ReadonlyArray<Given>;
}

/**
 * The grants `invitation` gave that its never-signed-in account holds (none once it signed in): of its roles and
 * scopes, those that expire (until accepted, an invitation's grants last as long as it does). A role given at the
 * same place without an expiry (an admin's direct grant replacing a lapsed one) is not the invitation's to extend
 * or withdraw.
 */
export const invitedGrants = (sql: SqlClient.SqlClient, grants: GrantsShape, invitation: Inviting) =>
  Effect.gen(function* () {
    const { userId } = invitation;
    if (userId === null || !(yield* stillInvited(sql, userId))) return [];
    const held = yield* grants.list({ subject: { kind: "user", id: userId } });
    return held.filter(
      (g) =>
        g.expiresAt !== null &&
        invitation.grants.some((i) => i.role === g.role && sameScope(i.scope, g.scope)),
    );
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

// The organizations' write locks: every audited write holds its organization's for its transaction, so one
// organization's changes commit one at a time, in audit id order (a check under the lock sees every earlier one).
import { Effect } from "effect";
import type { SqlClient } from "effect/sql";

/**
 * The advisory lock class of organization writes: the two-key form keeps them apart from the one-key locks held
 * for a purpose (Organizations.serialize, an instance's operations).
 */
const orgWrites = 1;

/**
 * Inside a transaction: waits for, then holds until it ends, the write lock of every organization in `orgs`, in
 * one order (by id) whoever asks, so two writers needing the same organizations never wait for each other in a
 * circle. Held again by the same transaction, a lock is held already.
 */
export const lockOrgWrites = (sql: SqlClient.SqlClient, orgs: Iterable<string>) =>
  Effect.gen(function* () {
    for (const org of [...new Set(orgs)].sort())
      yield* Effect.orDie(sql`select pg_advisory_xact_lock(${orgWrites}, hashtext(${org}))`);
  });

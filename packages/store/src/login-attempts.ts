// The limiter's log: one row per key (`account:<email>`, `address:<ip>`, …) and attempt, written in flight (no
// outcome) before the check and settled after, so only finished failures count and in-flight ones can be waited on.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";

export interface FailureWindow {
  /** How far back failures count, in seconds. */
  readonly seconds: number;
  /** Count only the failures after the key's latest success (an account's owner resets its counter). */
  readonly sinceSuccess: boolean;
  /** An attempt still in flight after this many seconds was abandoned (its process died): it counts as failed. */
  readonly abandonedAfterSeconds: number;
}

export interface Tally {
  /** Settled failures (and abandoned attempts) of the key within the window. */
  readonly failures: number;
  /** The key's attempts still in flight that started before the given one. */
  readonly ahead: number;
}

export interface LoginAttemptsShape {
  /** Writes an attempt in flight for each key, in order; returns the row ids in the same order. */
  readonly begin: (keys: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<string>>;
  /** Settles the attempts `ids` as succeeded or failed. */
  readonly settle: (ids: ReadonlyArray<string>, succeeded: boolean) => Effect.Effect<void>;
  /** Forgets the attempts `ids` (an attempt refused by the limiter before any check). */
  readonly forget: (ids: ReadonlyArray<string>) => Effect.Effect<void>;
  /** The failures of `key` within the window, and its attempts in flight ahead of `attempt` (a row id). */
  readonly tally: (key: string, window: FailureWindow, attempt: string) => Effect.Effect<Tally>;
  /** Whether `key` had a successful attempt within the last `seconds`. */
  readonly succeededWithin: (key: string, seconds: number) => Effect.Effect<boolean>;
  /** Deletes failed and in-flight attempts older than `seconds`, successes older than `successSeconds`. */
  readonly prune: (seconds: number, successSeconds: number) => Effect.Effect<void>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  const begin = Effect.fn("LoginAttempts.begin")(function* (keys: ReadonlyArray<string>) {
    const ids: string[] = [];
    for (const key of keys) {
      const rows = yield* Effect.orDie(
        sql<{ readonly id: bigint | string }>`insert into login_attempts (key, succeeded)
                                             values (${key}, null) returning id`,
      );
      for (const row of rows) ids.push(String(row.id));
    }
    return ids;
  });

  const settle = Effect.fn("LoginAttempts.settle")(function* (
    ids: ReadonlyArray<string>,
    succeeded: boolean,
  ) {
    if (ids.length > 0)
      yield* Effect.orDie(sql`update login_attempts set succeeded = ${succeeded} where id in ${sql.in(ids)}`);
  });

  const forget = Effect.fn("LoginAttempts.forget")(function* (ids: ReadonlyArray<string>) {
    if (ids.length > 0) yield* Effect.orDie(sql`delete from login_attempts where id in ${sql.in(ids)}`);
  });

  const tally = Effect.fn("LoginAttempts.tally")(function* (
    key: string,
    window: FailureWindow,
    attempt: string,
  ) {
    const since = sql`now() - make_interval(secs => ${window.seconds})`;
    const abandoned = sql`attempted_at <= now() - make_interval(secs => ${window.abandonedAfterSeconds})`;
    const after = window.sinceSuccess
      ? sql`and id > coalesce((select max(id) from login_attempts
                                where key = ${key} and succeeded and attempted_at > ${since}), 0)`
      : sql``;
    const rows = yield* Effect.orDie(
      sql<Tally>`select
                   count(*) filter (where succeeded = false or (succeeded is null and ${abandoned}))::int
                     as failures,
                   count(*) filter (where succeeded is null and not (${abandoned}) and id < ${attempt})::int
                     as ahead
                 from login_attempts
                 where key = ${key} and attempted_at > ${since} ${after}`,
    );
    return { failures: rows[0]?.failures ?? 0, ahead: rows[0]?.ahead ?? 0 };
  });

  const succeededWithin = Effect.fn("LoginAttempts.succeededWithin")(function* (
    key: string,
    seconds: number,
  ) {
    const rows = yield* Effect.orDie(
      sql`select 1 from login_attempts
          where key = ${key} and succeeded and attempted_at > now() - make_interval(secs => ${seconds})
          limit 1`,
    );
    return rows.length > 0;
  });

  const prune = Effect.fn("LoginAttempts.prune")(function* (seconds: number, successSeconds: number) {
    yield* Effect.orDie(
      sql`delete from login_attempts
          where attempted_at < now() - make_interval(secs => ${seconds})
            and (succeeded is not true or attempted_at < now() - make_interval(secs => ${successSeconds}))`,
    );
  });

  return { begin, settle, forget, tally, succeededWithin, prune } satisfies LoginAttemptsShape;
});

export class LoginAttempts extends Context.Service<LoginAttempts, LoginAttemptsShape>()(
  "@gatehouse/store/LoginAttempts",
) {
  static readonly layer = Layer.effect(LoginAttempts, make);
}

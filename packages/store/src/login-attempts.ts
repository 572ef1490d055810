// The login limiter's log: one row per key (`account:<email>`, `address:<ip>`) and attempt. An attempt is
// written as a failure before the password is checked and turned into a success after, so bursts stay bounded.
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";

export interface FailureWindow {
  /** How far back failures count, in seconds. */
  readonly seconds: number;
  /** Count only the failures after the key's latest success (an account's owner resets its counter). */
  readonly sinceSuccess: boolean;
}

export interface LoginAttemptsShape {
  /** Writes a pending attempt (a failure until `succeed`) for each key; returns the row ids. */
  readonly begin: (keys: ReadonlyArray<string>) => Effect.Effect<ReadonlyArray<string>>;
  /** Marks the attempts `ids` as succeeded. */
  readonly succeed: (ids: ReadonlyArray<string>) => Effect.Effect<void>;
  /** Forgets the attempts `ids` (an attempt refused by the limiter before any check). */
  readonly forget: (ids: ReadonlyArray<string>) => Effect.Effect<void>;
  /** The failures of `key` within the window. */
  readonly failures: (key: string, window: FailureWindow) => Effect.Effect<number>;
  /** Deletes the attempts older than `seconds`. */
  readonly prune: (seconds: number) => Effect.Effect<void>;
}

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;

  const begin = Effect.fn("LoginAttempts.begin")(function* (keys: ReadonlyArray<string>) {
    const ids: string[] = [];
    for (const key of keys) {
      const rows = yield* Effect.orDie(
        sql<{ readonly id: bigint | string }>`insert into login_attempts (key, succeeded)
                                             values (${key}, false) returning id`,
      );
      for (const row of rows) ids.push(String(row.id));
    }
    return ids;
  });

  const succeed = Effect.fn("LoginAttempts.succeed")(function* (ids: ReadonlyArray<string>) {
    if (ids.length > 0)
      yield* Effect.orDie(sql`update login_attempts set succeeded = true where id in ${sql.in(ids)}`);
  });

  const forget = Effect.fn("LoginAttempts.forget")(function* (ids: ReadonlyArray<string>) {
    if (ids.length > 0) yield* Effect.orDie(sql`delete from login_attempts where id in ${sql.in(ids)}`);
  });

  const failures = Effect.fn("LoginAttempts.failures")(function* (key: string, window: FailureWindow) {
    const since = sql`now() - make_interval(secs => ${window.seconds})`;
    const after = window.sinceSuccess
      ? sql`and id > coalesce((select max(id) from login_attempts
                                where key = ${key} and succeeded and attempted_at > ${since}), 0)`
      : sql``;
    const rows = yield* Effect.orDie(
      sql<{ readonly n: number }>`select count(*)::int as n from login_attempts
                                  where key = ${key} and not succeeded and attempted_at > ${since} ${after}`,
    );
    return rows[0]?.n ?? 0;
  });

  const prune = Effect.fn("LoginAttempts.prune")(function* (seconds: number) {
    yield* Effect.orDie(
      sql`delete from login_attempts where attempted_at < now() - make_interval(secs => ${seconds})`,
    );
  });

  return { begin, succeed, forget, failures, prune } satisfies LoginAttemptsShape;
});

export class LoginAttempts extends Context.Service<LoginAttempts, LoginAttemptsShape>()(
  "@gatehouse/store/LoginAttempts",
) {
  static readonly layer = Layer.effect(LoginAttempts, make);
}

// The one attempt limiter of sign-in and invitation accepts: only settled failures count against a key's limit;
// an attempt in flight is no failure, but one that could tip a limit waits (bounded) for those ahead of it.
import { LoginAttempts } from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Data, Effect, Exit, Schedule } from "effect";
import { attemptAbandonedSeconds, attemptWaitSeconds, loginWindowSeconds } from "./policy.ts";

/** One key's counter, e.g. `account:<email>` or `address:<ip>`. */
export interface Counter {
  readonly key: string;
  /** Settled failures allowed within the login window; the next attempt is refused. */
  readonly limit: number;
  /** Count only the failures after the key's latest success. */
  readonly sinceSuccess: boolean;
  /** The attempt is recorded under the key but never refused by it (a known account behind a busy address). */
  readonly waived?: boolean;
}

/** Attempts ahead of this one, still in flight, could tip a counter over its limit. */
class Busy extends Data.TaggedError("Busy") {}

type Verdict = "admitted" | "refused";

/** The refusal of an attempt over a limit: 429, naming what failed too often and when to come back. */
export const tooManyAttempts = (what: string) =>
  new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message: `Too many failed ${what}; try again in ${loginWindowSeconds / 60} minutes`,
  });

/** Re-reads the counters while attempts ahead are in flight: from 10 ms, growing to every 250 ms (so many
 * waiters do not crowd the database), for at most `attemptWaitSeconds`. */
const waiting = Schedule.min([Schedule.exponential("10 millis", 1.5), Schedule.spaced("250 millis")]).pipe(
  Schedule.upTo({ duration: `${attemptWaitSeconds} seconds`, times: attemptWaitSeconds * 100 }),
);

/**
 * Runs `check` as one attempt under `counters`: refused with `refusal` (its rows forgotten) when a counter
 * already holds its limit of settled failures, else run and settled as a success when `check` succeeds and
 * a failure when it fails. Settled failures never exceed a limit: an attempt waits while the failures plus
 * the attempts in flight ahead of it reach the limit (and is refused if they still do after the wait).
 */
export const limitedAttempt = <A, E, R>(
  counters: ReadonlyArray<Counter>,
  refusal: () => TRPCError,
  check: Effect.Effect<A, E, R>,
) =>
  Effect.gen(function* () {
    const attempts = yield* LoginAttempts;
    const ids = yield* attempts.begin(counters.map((c) => c.key));
    const judge = Effect.gen(function* () {
      let busy = false;
      for (const [i, counter] of counters.entries()) {
        if (counter.waived === true) continue;
        const window = {
          seconds: loginWindowSeconds,
          sinceSuccess: counter.sinceSuccess,
          abandonedAfterSeconds: attemptAbandonedSeconds,
        };
        const { failures, ahead } = yield* attempts.tally(counter.key, window, ids[i] ?? "0");
        if (failures >= counter.limit) return "refused" satisfies Verdict;
        if (failures + ahead >= counter.limit) busy = true;
      }
      return busy ? yield* new Busy() : ("admitted" satisfies Verdict);
    });
    const verdict: Verdict = yield* judge.pipe(
      Effect.retry({ schedule: waiting }),
      Effect.catchTag("Busy", () => Effect.succeed("refused" as const)),
      Effect.onInterrupt(() => attempts.forget(ids)),
    );
    if (verdict === "refused") {
      yield* attempts.forget(ids);
      return yield* Effect.fail(refusal());
    }
    return yield* check.pipe(Effect.onExit((exit) => attempts.settle(ids, Exit.isSuccess(exit))));
  });

// The one way to change stored state: the change, its audit row and its notification in one transaction, under
// its organization's write lock. Listeners hear only committed changes; any failure rolls back all of it.
import { Notifications } from "@gatehouse/db";
import { Context, Effect, Layer } from "effect";
import { SqlClient } from "effect/sql";
import { type Change, changesChannel, type Written } from "./changes.ts";
import { toJson } from "./json.ts";
import { noticePayloads } from "./notice.ts";
import { lockOrgWrites } from "./org-write-locks.ts";

/** Who made a change: a user, an API key, a platform operator, or the system itself (no id). */
export type Actor =
  | { readonly kind: "user" | "api-key" | "operator"; readonly id: string }
  | { readonly kind: "system" };

export interface MutationInput<A, E, R> {
  readonly actor: Actor;
  readonly requestId?: string | undefined;
  /** The organization the change belongs to; null for platform-level changes. */
  readonly org: string | null;
  /** What was done, e.g. `grant.create`. */
  readonly action: string;
  readonly target: { readonly kind: string; readonly id: string | null };
  /** Other organizations whose write locks the transaction holds too (where a partner's authority lies). */
  readonly follows?: ReadonlyArray<string>;
  /**
   * Run first in the transaction, once every lock is held, before the change: a check of the state the change
   * will follow (a user's authority, api/src/guarded-write.ts); its failure rolls back and is the mutation's.
   */
  readonly guard?: Effect.Effect<void, E, R>;
  /** The change itself (usually a repository write), run inside the transaction. */
  readonly run: Effect.Effect<Written<A>, E, R>;
}

export interface Mutated<A> {
  readonly value: A;
  /** The audit row's id (an int8, as text); notifications carry it too. */
  readonly auditId: string;
  readonly changes: ReadonlyArray<Change>;
}

export interface MutationsShape {
  /** Runs `input.run`, writes its audit row and announces its changes, all in one transaction. */
  readonly mutate: <A, E, R>(input: MutationInput<A, E, R>) => Effect.Effect<Mutated<A>, E, R>;
  /** Several mutations, each with its audit row, in one transaction: all commit, or none (a batch invite). */
  readonly mutateAll: <A, E, R>(
    inputs: ReadonlyArray<MutationInput<A, E, R>>,
  ) => Effect.Effect<ReadonlyArray<Mutated<A>>, E, R>;
}

/** The organizations whose write locks a mutation holds: its own (none for a platform change) and those it follows. */
const lockedBy = (input: MutationInput<unknown, unknown, unknown>): ReadonlyArray<string> => [
  ...(input.org === null ? [] : [input.org]),
  ...(input.follows ?? []),
];

/** SQL NULL for an absent snapshot (create has no before, delete no after), else its JSON. */
const jsonOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : toJson(value);

const make = Effect.gen(function* () {
  const sql = yield* SqlClient.SqlClient;
  const notifications = yield* Notifications;

  // A generic method: Effect.fn would erase its type parameters, so it names its span with withSpan instead.
  const mutate = <A, E, R>(input: MutationInput<A, E, R>): Effect.Effect<Mutated<A>, E, R> =>
    sql
      .withTransaction(
        Effect.gen(function* () {
          yield* lockOrgWrites(sql, lockedBy(input));
          if (input.guard !== undefined) yield* input.guard;
          const written = yield* input.run;
          const actorId = input.actor.kind === "system" ? null : input.actor.id;
          const rows = yield* sql<{ readonly id: bigint | string }>`
            insert into audit_log (request_id, actor_kind, actor_id, org, action, target_kind, target_id, before, after)
            values (${input.requestId ?? null}, ${input.actor.kind}, ${actorId}, ${input.org}, ${input.action},
                    ${input.target.kind}, ${input.target.id}, ${jsonOrNull(written.before)}::jsonb, ${jsonOrNull(written.after)}::jsonb)
            returning id`.pipe(Effect.orDie);
          const auditId = String(rows[0]?.id ?? "");
          for (const payload of noticePayloads(auditId, written.changes))
            yield* Effect.orDie(notifications.notify(changesChannel, payload));
          return { value: written.value, auditId, changes: written.changes };
        }),
      )
      .pipe(
        Effect.catchTag("SqlError", (error) => Effect.die(error)),
        Effect.withSpan("Mutations.mutate", { attributes: { action: input.action } }),
      );

  // Each mutate nests as a savepoint inside the outer transaction; its notice is delivered at the outer commit.
  // Every lock is taken first, in one order, so two batches never wait for each other in a circle; every guard
  // runs then, once, on the state before the batch (a later input's guard would see the batch's own changes).
  const mutateAll = <A, E, R>(inputs: ReadonlyArray<MutationInput<A, E, R>>) =>
    sql
      .withTransaction(
        Effect.gen(function* () {
          yield* lockOrgWrites(sql, inputs.flatMap(lockedBy));
          for (const guard of new Set(
            inputs.flatMap((input) => (input.guard === undefined ? [] : [input.guard])),
          ))
            yield* guard;
          return yield* Effect.forEach(inputs, ({ guard: _, ...input }) => mutate(input));
        }),
      )
      .pipe(
        Effect.catchTag("SqlError", (error) => Effect.die(error)),
        Effect.withSpan("Mutations.mutateAll", { attributes: { count: inputs.length } }),
      );

  return { mutate, mutateAll } satisfies MutationsShape;
});

export class Mutations extends Context.Service<Mutations, MutationsShape>()("@gatehouse/store/Mutations") {
  static readonly layer = Layer.effect(Mutations, make);
}

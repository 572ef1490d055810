// The audited writes a handler makes (Mutations under the organizations' write locks); a user's write holds only
// while its authority does: its guard re-asks the questions on the state it commits after (docs/decisions.md).
import type { Engine } from "@gatehouse/domain";
import { EngineBehind, EngineSync, type MutationInput, Mutations } from "@gatehouse/store";
import { type Context, Data, Effect } from "effect";
import type { StoreServices } from "./auth/store-runner.ts";
import type { Store } from "./authorize.ts";
import type { WrittenPosition } from "./consistency.ts";
import type { Actor } from "./context.ts";
import { conflict } from "./refusals.ts";

/** A handler's mutation: the request adds who, which request, and a user's guard. */
type HandlerMutation<A, E, R> = Omit<MutationInput<A, E, R>, "actor" | "requestId" | "follows" | "guard">;

/**
 * The audited write a handler makes: `Mutations.mutate` for the actor and request, then `awaitApplied`; its audit
 * id becomes the request's consistency token (consistency.ts).
 */
export type Write = <A, E, R extends StoreServices>(
  input: HandlerMutation<A, E, R>,
) => Promise<{ readonly value: A; readonly auditId: string }>;

/** Several audited writes in one transaction, each with its audit row: all of them happen, or none. */
export type WriteAll = <A, E, R extends StoreServices>(
  inputs: ReadonlyArray<HandlerMutation<A, E, R>>,
) => Promise<ReadonlyArray<{ readonly value: A; readonly auditId: string }>>;

/** Who writes (the audit row's actor): a signed-in user, or the platform operator provisioning. */
type Writer = Extract<Actor, { readonly kind: "user" | "operator" }>;

/**
 * What a user's write asks again under the write locks of `orgs` (its questions' organizations and the actor's):
 * `recheck` declares and asks every question again, reading through `services` (the transaction's) on `engine`
 * (caught up with `orgs`), and throws the refusal the call gives now.
 */
export interface Authority {
  readonly orgs: ReadonlyArray<string>;
  readonly recheck: (services: Context.Context<StoreServices>, engine: Engine) => Promise<void>;
}

/** Where a request's writes go: its store, its actor, its id (audit rows), its token, and a user's authority. */
export interface Writing {
  readonly store: Store;
  readonly writer: Writer;
  readonly requestId: string;
  readonly written: WrittenPosition;
  readonly authority?: Authority;
}

/** The write's questions were refused on the state under the locks (`refusal`: the call's own, in its words). */
class AuthorityLost extends Data.TaggedError("AuthorityLost")<{ readonly refusal: unknown }> {}

/** What a guard may fail with. */
type Unsettled = EngineBehind | AuthorityLost;

/** How many times a user's write tries again after this process's engine was behind its organizations. */
const attempts = 3;

/** How long a try waits, outside the locks, for this process to apply the change it was behind. */
const behindWait = "5 seconds";

/**
 * The guard of a user's write: the engine caught up with the organizations under their locks, then the
 * declaration and its questions again, reading in the transaction.
 */
const guardOf = (authority: Authority) =>
  Effect.gen(function* () {
    const engine = yield* (yield* EngineSync).caughtUp(authority.orgs);
    const services = yield* Effect.context<StoreServices>();
    yield* Effect.tryPromise({
      try: () => authority.recheck(services, engine),
      catch: (refusal) => new AuthorityLost({ refusal }),
    });
  });

/**
 * Runs one try of a write, again while the engine was behind (after waiting for the change, outside the
 * locks); refused under the locks, the call's refusal as it would be given now; a write whose engine never
 * caught up is CONFLICT.
 */
const settled = async <T>(store: Store, attempt: () => Promise<T>) => {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (cause) {
      if (cause instanceof AuthorityLost) throw cause.refusal;
      if (!(cause instanceof EngineBehind)) throw cause;
      if (tried === attempts)
        throw conflict("Access in this organization changed while this was being saved; try again", cause);
      await store.run(
        EngineSync.use((sync) => Effect.ignore(sync.awaitPosition(cause.position, behindWait))),
      );
    }
  }
};

/** What every write of the request adds to its mutation: who and which request, and a user's guard. */
const mutationOf = ({ writer, requestId, authority }: Writing) => ({
  actor: { kind: writer.kind, id: writer.id },
  requestId,
  ...(authority === undefined ? {} : { follows: authority.orgs, guard: guardOf(authority) }),
});

export const writeAllFor =
  (writing: Writing): WriteAll =>
  <A, E, R extends StoreServices>(inputs: ReadonlyArray<HandlerMutation<A, E, R>>) =>
    settled(writing.store, () =>
      writing.store.run(
        Effect.gen(function* () {
          const by = mutationOf(writing);
          const mutated = yield* (yield* Mutations).mutateAll<A, E | Unsettled, R | StoreServices>(
            inputs.map((input) => ({ ...input, ...by })),
          );
          // The caller's next check must see the changes: wait until this process's engine applied them.
          const sync = yield* EngineSync;
          yield* Effect.forEach(mutated, (m) => sync.awaitApplied(m.auditId), { discard: true });
          for (const m of mutated) writing.written.record(m.auditId);
          return mutated.map((m) => ({ value: m.value, auditId: m.auditId }));
        }),
      ),
    );

export const writeFor =
  (writing: Writing): Write =>
  <A, E, R extends StoreServices>(input: HandlerMutation<A, E, R>) =>
    settled(writing.store, () =>
      writing.store.run(
        Effect.gen(function* () {
          const mutated = yield* (yield* Mutations).mutate<A, E | Unsettled, R | StoreServices>({
            ...input,
            ...mutationOf(writing),
          });
          // The caller's next check must see the change: wait until this process's engine applied it.
          yield* (yield* EngineSync).awaitApplied(mutated.auditId);
          writing.written.record(mutated.auditId);
          return { value: mutated.value, auditId: mutated.auditId };
        }),
      ),
    );

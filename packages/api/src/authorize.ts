// The one authorizing procedure every mutation goes through: it asks the engine (check or assign) before the
// handler runs, then gives the handler one audited write that returns only once the engine has applied it.
import type { Assignment, Resource } from "@gatehouse/domain";
import {
  AlreadyExists,
  EngineSync,
  InvalidChange,
  type MutationInput,
  Mutations,
  NotFound,
  VersionConflict,
} from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Effect, Schema } from "effect";
import { type RequestAuth, requestAuth } from "./auth/request-auth.ts";
import type { StoreServices } from "./auth/store-runner.ts";
import type { Actor, ApiContext } from "./context.ts";
import { protectedProcedure } from "./trpc.ts";

/** What to ask the engine before a mutation runs. */
export type Ask =
  | { readonly check: { readonly action: string; readonly resource: Resource } }
  | { readonly assign: Assignment };

/** A signed-in user: the only actor that mutates through the engine. */
export type UserActor = Extract<Actor, { readonly kind: "user" }>;

/** Reads and writes store Effects from a procedure (the server's runtime provides every store service). */
export interface Store {
  readonly run: <A, E>(effect: Effect.Effect<A, E, StoreServices>) => Promise<A>;
}

/** Runs store Effects through the request's runner, mapping store failures to tRPC errors. */
const storeOf = (auth: RequestAuth): Store => ({
  run: <A, E>(effect: Effect.Effect<A, E, StoreServices>) =>
    auth.run(effect).catch((cause: unknown) => {
      throw storeError(cause);
    }),
});

/** Store failures as tRPC errors: missing → NOT_FOUND, stale or duplicate → CONFLICT, refused → BAD_REQUEST. */
export const storeError = (cause: unknown): unknown => {
  if (cause instanceof NotFound) return new TRPCError({ code: "NOT_FOUND", message: cause.message, cause });
  if (cause instanceof VersionConflict || cause instanceof AlreadyExists)
    return new TRPCError({ code: "CONFLICT", message: cause.message, cause });
  if (cause instanceof InvalidChange)
    return new TRPCError({ code: "BAD_REQUEST", message: cause.reason, cause });
  return cause;
};

/** What a declaration may use to compute its questions: the actor and store reads. */
export interface AskContext {
  readonly actor: UserActor;
  readonly store: Store;
}

/** The engine's answer to every question, or the refusal thrown: deny → FORBIDDEN, invalid → BAD_REQUEST. */
const ask = (engine: ApiContext["engine"], actor: UserActor, question: Ask): void => {
  if ("check" in question) {
    const { action, resource } = question.check;
    if (engine.allows(actor.id, action, resource)) return;
    const { reason } = engine.explain(actor.id, action, resource);
    throw new TRPCError({ code: "FORBIDDEN", message: `${actor.id} may not ${action}: ${reason}` });
  }
  const { decision, reason } = engine.assign(actor.id, question.assign);
  if (decision === "deny") throw new TRPCError({ code: "FORBIDDEN", message: reason });
  if (decision === "invalid") throw new TRPCError({ code: "BAD_REQUEST", message: reason });
};

/** The audited write a handler makes: `Mutations.mutate` for the actor and request, then `awaitApplied`. */
export type Write = <A, E, R extends StoreServices>(
  input: Omit<MutationInput<A, E, R>, "actor" | "requestId">,
) => Promise<{ readonly value: A; readonly auditId: string }>;

/** Several audited writes in one transaction, each with its audit row: all of them happen, or none. */
export type WriteAll = <A, E, R extends StoreServices>(
  inputs: ReadonlyArray<Omit<MutationInput<A, E, R>, "actor" | "requestId">>,
) => Promise<ReadonlyArray<{ readonly value: A; readonly auditId: string }>>;

const writeAllFor =
  (store: Store, actor: UserActor, requestId: string): WriteAll =>
  (inputs) =>
    store.run(
      Effect.gen(function* () {
        const by = { actor: { kind: "user", id: actor.id }, requestId } as const;
        const mutated = yield* (yield* Mutations).mutateAll(inputs.map((input) => ({ ...input, ...by })));
        // The caller's next check must see the changes: wait until this process's engine applied them.
        const sync = yield* EngineSync;
        yield* Effect.forEach(mutated, (m) => sync.awaitApplied(m.auditId), { discard: true });
        return mutated.map((m) => ({ value: m.value, auditId: m.auditId }));
      }),
    );

const writeFor =
  (store: Store, actor: UserActor, requestId: string): Write =>
  (input) =>
    store.run(
      Effect.gen(function* () {
        const mutated = yield* (yield* Mutations).mutate({
          ...input,
          actor: { kind: "user", id: actor.id },
          requestId,
        });
        // The caller's next check must see the change: wait until this process's engine applied it.
        yield* (yield* EngineSync).awaitApplied(mutated.auditId);
        return { value: mutated.value, auditId: mutated.auditId };
      }),
    );

/** Only signed-in users mutate; API keys are read-only and the operator is not a subject of any organization. */
const mutatingActor = (actor: Actor): UserActor => {
  if (actor.kind === "user") return actor;
  throw new TRPCError({
    code: "FORBIDDEN",
    message:
      actor.kind === "api-key"
        ? "API keys are read-only: sign in as a user to change anything"
        : "The platform operator does not change an organization's roles and grants",
  });
};

/** Procedures that read the store: the actor and a store runner (any actor kind). */
export const storeProcedure = protectedProcedure.use(({ ctx, next }) =>
  next({ ctx: { store: storeOf(requestAuth(ctx)) } }),
);

/**
 * THE authorizing mutation: `declare(input, { actor, store })` names what to ask the engine (one question or
 * several; it may load stored rows first), every question must be allowed, and only then does the handler run,
 * with `ctx.write` for its audited write (`ctx.writeAll` for several in one transaction). `schema` is the input's Effect schema.
 */
export const authorizedMutation = <S extends Schema.ConstraintDecoder<unknown>>(
  schema: S,
  declare: (
    input: S["Type"],
    context: AskContext,
  ) => Promise<Ask | ReadonlyArray<Ask>> | Ask | ReadonlyArray<Ask>,
) =>
  storeProcedure.input(Schema.toStandardSchemaV1(schema)).use(async ({ ctx, input, next }) => {
    const actor = mutatingActor(ctx.actor);
    const declared = await declare(input, { actor, store: ctx.store });
    const questions: ReadonlyArray<Ask> = Array.isArray(declared) ? declared : [declared];
    for (const question of questions) ask(ctx.engine, actor, question);
    // `asked` lets a handler refuse to act on anything the engine was not asked about.
    const write = writeFor(ctx.store, actor, ctx.requestId);
    const writeAll = writeAllFor(ctx.store, actor, ctx.requestId);
    return next({ ctx: { actor, write, writeAll, asked: questions } });
  });

// The one place every procedure (and /v1 endpoint) is authorized: each builder here declares how (tRPC meta,
// authorization.ts), and the query and mutation builders ask the engine and enforce the organization boundary first.

import { inputSchema, issuesMessage, issuesOf } from "@gatehouse/contracts";
import {
  type Assignment,
  type Engine,
  impossibleResource,
  type Resource,
  UnknownSubject,
} from "@gatehouse/domain";
import {
  AlreadyExists,
  ApiKeys,
  holds,
  InvalidChange,
  NotFound,
  type Partition,
  VersionConflict,
} from "@gatehouse/store";
import { TRPCError } from "@trpc/server";
import { Cause, type Context, Effect, Exit, Schema, type StandardSchema } from "effect";
import { withPlatforms } from "./assignment-places.ts";
import { type Authority, writeAllFor, writeFor } from "./audited-writes.ts";
import { type RequestAuth, requestAuth } from "./auth/request-auth.ts";
import type { StoreServices } from "./auth/store-runner.ts";
import type { Authorization, RehearsalContext } from "./authorization.ts";
import { atLeastOf, type EngineAt } from "./consistency.ts";
import type { Actor, ApiContext } from "./context.ts";
import { toTrpcError } from "./errors.ts";
import { reasonWords } from "./names/reason-words.ts";
import { badRequest, forbidden, misdirected, notFound, nothing, unauthorized } from "./refusals.ts";
import { baseProcedure, failureOf } from "./trpc.ts";

/*
 * How to read it (rules: docs/decisions.md#api-authorization):
 * - publicAccess(reason), selfAccess(reason): no engine question, and the reason says why.
 * - operatorOnly(what), operatorMutation(what, schema): the platform operator, by its actor kind (it is no
 *   subject of any organization); its mutations are rehearsable like authorizedMutation's.
 * - authorizedQuery(schema, declare): any actor kind; `declare` names the organizations the objects lie in, the
 *   subject asked about and the engine questions, and the builder decides: another organization's object is
 *   NOT_FOUND with the words a made-up id gets (unless the engine allows every question: partner access); a
 *   refused question in the actor's own organization is FORBIDDEN; API keys stay in their organization; the
 *   operator passes. A subject the actor may not see is as unknown as a made-up one.
 * - authorizedCall(schema, declare): the same authorization outside tRPC (the /v1 decision API, src/v1/): one
 *   declaration, enforced by the same code, for a Hono route.
 * A declaration may read stored rows and ask the engine, and refuse bad input; it does not refuse on its
 * own account before the boundary (`refuse` is given only once the boundary passed), so another organization's
 * id cannot be told from a made-up one by its refusal.
 * - authorizedMutation(schema, declare): signed-in users only; the stored objects' organizations (the same
 *   boundary, `within`), then every question, before one audited write. Its declaration, too, refuses nothing
 *   about a stored object before the boundary: what depends on the object comes in `ask` as a function.
 * No router compares the actor's organization itself (a test reads the router sources for it).
 * On a node holding a partition of the organizations (GATEHOUSE_ORGS, GATEHOUSE_PARTITION), every builder but the
 * operator's first refuses a request about an organization it does not hold (`served`: 421, by the id alone).
 */

const NOTHING: ReadonlyArray<never> = [];

/** What to ask the engine before a procedure runs. */
export type Ask = (
  | { readonly check: { readonly action: string; readonly resource: Resource } }
  /** The action allowed at some place of the organization (where one of the actor's grants sits). */
  | { readonly somewhere: { readonly action: string; readonly org: string } }
  | { readonly assign: Assignment }
) & {
  /** Replaces the engine's reason in a FORBIDDEN. */
  readonly refusal?: string;
  /** NOT_FOUND's message when the question is about an organization the user does not reach. */
  readonly missing?: string;
  /** An assignment taken away (a removal): asked without the place's platform (assignment-places.ts). */
  readonly removes?: true;
  /**
   * An assignment refused (a request for it denied): only the authority to make it is asked, not its validity,
   * since refusing gives nothing (a request for a role its partner may no longer hold can still be denied).
   */
  readonly refuses?: true;
};

/** A signed-in user: the only actor that mutates through the engine. */
export type UserActor = Extract<Actor, { readonly kind: "user" }>;

/** Reads and writes store Effects from a procedure (the server's runtime provides every store service). */
export interface Store {
  readonly run: <A, E>(effect: Effect.Effect<A, E, StoreServices>) => Promise<A>;
}

/*
 * On the per-request path, functions are made by curried helpers rather than bound to a name where they are made:
 * the server runs under tsx, which keeps every named function's name by redefining its `name` property as it is
 * created (esbuild's keepNames), about a microsecond apiece (docs/benchmarks.md, "Where a /v1 check's time goes").
 */

/** Runs store Effects through the request's runner, mapping store failures to tRPC errors. */
const runThrough =
  (auth: RequestAuth): Store["run"] =>
  (effect) =>
    auth.run(effect).catch((cause: unknown) => {
      throw storeError(cause);
    });

const storeOf = (auth: RequestAuth): Store => ({ run: runThrough(auth) });

/** Store failures as tRPC errors: missing → NOT_FOUND, stale or duplicate → CONFLICT, refused → BAD_REQUEST. */
export const storeError = (cause: unknown): unknown => {
  if (cause instanceof NotFound) return new TRPCError({ code: "NOT_FOUND", message: cause.message, cause });
  if (cause instanceof VersionConflict || cause instanceof AlreadyExists)
    return new TRPCError({ code: "CONFLICT", message: cause.message, cause });
  if (cause instanceof InvalidChange)
    return new TRPCError({ code: "BAD_REQUEST", message: cause.reason, cause });
  return cause;
};

/**
 * What a declaration may use to compute its questions: the actor, store reads and the engine (to pick which of
 * several independent parts it asks about, as Remove from all projects does; the builder still asks every one).
 */
export interface AskContext {
  readonly actor: UserActor;
  readonly store: Store;
  readonly engine: Engine;
}

/** The engine's answer to every question, or the refusal thrown: deny → FORBIDDEN, invalid → BAD_REQUEST. */
const ask = (engine: ApiContext["engine"], actor: UserActor, question: Ask): void => {
  if ("check" in question) {
    const { action, resource } = question.check;
    if (engine.allows(actor.id, action, resource)) return;
    // A place with a gap is no place: the request is malformed, whatever the actor's rights.
    const nowhere = impossibleResource(resource);
    if (nowhere !== undefined) throw badRequest(nowhere);
    if (question.refusal !== undefined) throw forbidden(question.refusal);
    const { reason } = engine.explain(actor.id, action, resource);
    // In the words people read: the action by its catalog name (its id after it, for support), the reason by names.
    throw forbidden(`You may not "${engine.actionName(action)}" here (${action}): ${reason}`);
  }
  if ("somewhere" in question) {
    const { action, org } = question.somewhere;
    if (engine.allowsSomewhere(actor.id, action, org)) return;
    throw forbidden(
      question.refusal ??
        `You may not "${engine.actionName(action)}" anywhere in this organization (${action})`,
    );
  }
  const { decision, reason } = assignment(engine, actor, question);
  if (decision === "deny") throw forbidden(reason);
  if (decision === "invalid") throw badRequest(reason);
};

/** The engine's answer to an assignment question: its authority alone for a refusal (`refuses`), else in full. */
const assignment = (
  engine: Engine,
  actor: UserActor,
  question: Extract<Ask, { readonly assign: unknown }>,
) =>
  question.refuses === true
    ? engine.assignAuthority(actor.id, question.assign)
    : engine.assign(actor.id, question.assign);

export type { Write, WriteAll } from "./audited-writes.ts";

/**
 * THE partition boundary: every organization a request is about (its questions', or the actor's own when it names
 * none) must be one this node holds; any other is refused `misdirected` (421), decided by the organization's id
 * alone, so an existing organization and a made-up one are refused alike. Every organization is held without a
 * partition. The operator, no member of any organization, provisions from any node.
 */
const served = (partition: Partition | undefined, actor: Actor, orgs: Iterable<string>): void => {
  if (partition === undefined || partition.kind === "all" || actor.kind === "operator") return;
  let named = false;
  for (const org of orgs) {
    named = true;
    if (!holds(partition, org)) throw misdirected(org);
  }
  if (!named && !holds(partition, actor.org)) throw misdirected(actor.org);
};

/**
 * The partition boundary for the organizations objects lie in (a declaration's `orgs`, often read from stored
 * rows): the actor's own organization elsewhere is `misdirected`; any other organization this node does not hold
 * is answered as a full node answers an organization the actor does not reach, NOT_FOUND with a made-up id's
 * words, so a foreign object's id tells nothing on the wrong node either (this node holds no grants there, so
 * the actor reaches it from here no more than `within` would let it). A shared object (`shared`) keeps the
 * id-only rule: one of its organizations is the caller's own.
 */
const servedObjects = (partition: Partition | undefined, actor: Actor, boundary: Boundary): void => {
  if (partition === undefined || partition.kind === "all" || actor.kind === "operator") return;
  const orgs = boundary.orgs ?? NOTHING;
  if (boundary.shared === true) {
    served(partition, actor, orgs);
    return;
  }
  const elsewhere = orgs.find((org) => !holds(partition, org));
  if (elsewhere === undefined) return;
  if (orgs.includes(actor.org) && !holds(partition, actor.org)) throw misdirected(actor.org);
  throw outside(boundary.missing, elsewhere);
};

/** Whether this node answers about `org` (the /events stream asks it for its subscriber's organization). */
export const servesOrg = (partition: Partition | undefined, org: string): boolean =>
  partition === undefined || holds(partition, org);

/** Only signed-in users mutate; API keys are read-only and the operator is not a subject of any organization. */
const mutatingActor = (actor: Actor): UserActor => {
  if (actor.kind === "user") return actor;
  throw forbidden(
    actor.kind === "api-key"
      ? "API keys are read-only: sign in as a user to change anything"
      : "The platform operator does not act inside an organization: its own users change its roles, grants and data and run its operations",
  );
};

/** The request's store, or one that says sign-in is not configured (a server without a store, as in tests). */
const storeFor = (ctx: { readonly auth?: RequestAuth | undefined }): Store =>
  ctx.auth === undefined ? { run: () => Promise.reject(requestAuth(ctx)) } : storeOf(ctx.auth);

const tagged = (authorization: Authorization) => baseProcedure.meta({ authorization });

/**
 * Open to everyone: `reason` says why no question is asked (sign-in reads `requestAuth(ctx)` itself).
 * One middleware per builder, not several levels: tRPC copies the call's options at every level.
 */
export const publicAccess = (reason: string) =>
  tagged({ kind: "public", reason }).use(async ({ next }) => {
    const result = await next();
    if (result.ok) return result;
    throw failureOf(result.error);
  });

/** About the request's own actor or session only (the actor may be absent): `reason` says why. */
export const selfAccess = (reason: string) =>
  tagged({ kind: "self", reason }).use(async ({ ctx, next }) => {
    const auth: RequestAuth | undefined = ctx.auth;
    // A server without a store signs nobody in.
    if (auth === undefined) throw unauthorized();
    // About the actor's own account: its organization's node answers.
    if (ctx.actor !== undefined) served(ctx.partition, ctx.actor, NOTHING);
    const result = await next({ ctx: { auth } });
    if (result.ok) return result;
    throw failureOf(result.error);
  });

/**
 * `raw` decoded as a call decodes its input: bad input is BAD_REQUEST naming the field, in the call's words.
 * Answers without a promise when the schema validates synchronously (every input schema does: input-schema.ts).
 */
const decode = <T>(standard: StandardSchema.StandardSchemaV1<unknown, T>, raw: unknown): T | Promise<T> => {
  const decoded = standard["~standard"].validate(raw);
  return decoded instanceof Promise ? decoded.then(decodedValue) : decodedValue(decoded);
};

const decodedValue = <T>(decoded: StandardSchema.StandardSchemaV1.Result<T>): T => {
  if (decoded.issues !== undefined) throw badRequest(issuesMessage(issuesOf(decoded) ?? []));
  return decoded.value;
};

/** The operator, or the refusal anyone else gets: `what` only the platform operator does. */
const requireOperator = (actor: Actor | undefined, what: string) => {
  if (actor === undefined) throw unauthorized();
  if (actor.kind !== "operator") throw forbidden(`Only the platform operator ${what}`);
  return actor;
};

const operatorTagged = (what: string, rehearse?: Authorization["rehearse"]) =>
  tagged({
    kind: "operator",
    reason: `the platform operator ${what}`,
    ...(rehearse === undefined ? {} : { rehearse }),
  }).use(async ({ ctx, next }) => {
    const actor = requireOperator(ctx.actor, what);
    const store = storeFor(ctx);
    const writing = { store, writer: actor, requestId: ctx.requestId, written: ctx.written };
    const result = await next({ ctx: { actor, store, write: writeFor(writing) } });
    if (result.ok) return result;
    throw failureOf(result.error);
  });

/**
 * The platform operator only: `what` it does, for the refusal everyone else gets (FORBIDDEN). The handler gets
 * `ctx.write`, the audited write as the operator (audit row's org: the organization it provisions).
 */
export const operatorOnly = (what: string) => operatorTagged(what);

/**
 * What an operator's write stands on, for the state it reads (a support ticket's grant: the customer's approval
 * and the grant's validity): throws the refusal (ask the engine through `engine`, read through `store`), or
 * names the organizations whose state it read, whose write locks the write then takes to judge it again.
 */
export type OperatorStanding<I> = (
  input: I,
  context: { readonly store: Store; readonly engine: Engine },
) => Promise<ReadonlyArray<string>>;

/**
 * The platform operator's mutation with its input's Effect `schema`: as operatorOnly, and rehearsable (`may`):
 * bad input is BAD_REQUEST naming the problem, anyone but the operator FORBIDDEN, as the call answers. With
 * `standing`, that refusal too, asked by the rehearsal and the call alike, and again under the write locks of the
 * organizations it names, on the state the write commits after.
 */
export const operatorMutation = <S extends Schema.ConstraintDecoder<unknown>>(
  what: string,
  schema: S,
  standing?: OperatorStanding<S["Type"]>,
) => {
  const standard = inputSchema(schema);
  // As the call: the actor first (the builder's middleware), then the input, then what the write stands on.
  const rehearse = async (raw: unknown, ctx: RehearsalContext) => {
    requireOperator(ctx.actor, what);
    const input = await decode(standard, raw);
    await standing?.(input, { store: storeFor(ctx), engine: ctx.engine }).catch(refusal);
  };
  return operatorTagged(what, rehearse)
    .input(standard)
    .use(async ({ ctx, input, next }) => {
      if (standing === undefined) return next();
      const orgs = await standing(input, { store: ctx.store, engine: ctx.engine }).catch(refusal);
      const authority: Authority = {
        orgs,
        recheck: async (services, engine) => {
          await standing(input, { store: storeWithin(services), engine }).catch(refusal);
        },
      };
      const writing = { store: ctx.store, writer: ctx.actor, requestId: ctx.requestId, written: ctx.written };
      const result = await next({ ctx: { write: writeFor({ ...writing, authority }) } });
      if (result.ok) return result;
      throw failureOf(result.error);
    });
};

/** Where the objects a procedure is about lie: the organization boundary, decided by the builder (`within`). */
export interface Boundary {
  /** The organizations the objects asked about lie in (from the input or the stored rows). */
  readonly orgs?: ReadonlyArray<string>;
  /** Partner access: an organization where the user holds grants passes; the engine's answers decide the rest. */
  readonly acrossOrgs?: true;
  /** One object lying in all of `orgs` at once (an access request: its partner's and its customer's): one passes. */
  readonly shared?: true;
  /** NOT_FOUND's message for an object outside the boundary: the words a made-up id gets. */
  readonly missing?: string;
}

/** What a query declares about its input, for the builder to decide on before the handler runs. */
export interface Declared<V = undefined> extends Boundary {
  /** Engine questions for a signed-in user (API keys and the operator are no subjects: they are not asked). */
  readonly ask?: ReadonlyArray<Ask>;
  /**
   * The organizations a user's question about itself is answered in (authz), where it names no other: read only
   * by the partition boundary (one's own questions cross no organization boundary; the engine answers them).
   */
  readonly answersAbout?: ReadonlyArray<string>;
  /** The subject the answer is about (authz): one the actor may not see is as unknown as a made-up id. */
  readonly subject?: string;
  /** A refused question answers NOT_FOUND even in the actor's own organization (objects only viewers see). */
  readonly hidden?: true;
  /** The declaration's own refusal (FORBIDDEN), given only once the boundary passed. */
  readonly refuse?: string;
  /** What the declaration read, for the handler (`ctx.declared`). */
  readonly value?: V;
}

/** What a query's declaration may use: the actor, the engine (its questions and queries) and store reads. */
export interface QueryContext {
  readonly actor: Actor;
  readonly engine: Engine;
  readonly store: Store;
}

/** Another organization's object (or a missing one), answered alike: NOT_FOUND with the made-up id's words. */
const outside = (words: string | undefined, org: string) =>
  words === undefined ? notFound("organization", org) : nothing(words);

const orgOfAsk = (question: Ask): string => {
  if ("check" in question) return question.check.resource.org;
  return "somewhere" in question ? question.somewhere.org : question.assign.scope.org;
};

/** Does the user know `org`: its home, or one where it holds grants (a partner's customer)? */
const reaches = (engine: Engine, actor: UserActor, org: string): boolean =>
  org === actor.org || engine.holdsGrantIn(actor.id, org);

/**
 * A subject the actor may see: one of its own organization, or a partner user holding grants in it (a user or an
 * API key of that organization alike: the key's snapshot, /v1/snapshot, holds them too). Any other is refused
 * exactly as a made-up id is (UnknownSubject, BAD_REQUEST).
 */
const requireVisible = (engine: Engine, actor: Exclude<Actor, { kind: "operator" }>, subject: string) => {
  const s = engine.findSubject(subject);
  if (s !== undefined && s.org === actor.org) return;
  if (s !== undefined && engine.holdsGrantIn(subject, actor.org)) return;
  throw new UnknownSubject({ subject });
};

/**
 * A user's question, asked where the boundary allows: refused in an organization it reaches, FORBIDDEN with the
 * reason (or NOT_FOUND when `hidden`); refused anywhere else, NOT_FOUND as if missing, so nothing of another
 * organization is told.
 */
const askWithin = (engine: Engine, actor: UserActor, q: Ask, missing?: string, hidden?: true): void => {
  const org = orgOfAsk(q);
  if (hidden !== true && reaches(engine, actor, org)) ask(engine, actor, q);
  else if (!allows(engine, actor, q)) throw outside(missing ?? q.missing, org);
};

/**
 * An assignment's refusal (the engine's reason, FORBIDDEN or BAD_REQUEST) in its own organization as the actor
 * reads it: "you" for its id, places and products by name (reason-words.ts); anything else thrown as it was.
 */
const assignmentInWords = async (
  store: Store,
  actor: UserActor,
  question: Extract<Ask, { readonly assign: unknown }>,
  cause: unknown,
): Promise<unknown> => {
  if (!(cause instanceof TRPCError) || (cause.code !== "FORBIDDEN" && cause.code !== "BAD_REQUEST"))
    return cause;
  // Only places of the actor's own organization are named (a partner user's refusal elsewhere keeps the ids it sent).
  if (question.assign.scope.org !== actor.org) return cause;
  const words = await reasonWords(store, actor.id, [question.assign.scope]);
  return new TRPCError({ code: cause.code, message: words(cause.message) });
};

/** An organization id no organization has (ids are lower-case letters, digits and dashes). */
const UNREACHED = "\u0000unreached";

/**
 * The resource as a user's question about `subject` may see it: in an organization the subject neither belongs
 * to nor holds grants in, the engine answers as about a made-up organization (so whether it exists, or what it
 * enabled, is not told); callers put the organization's id back into what they return. API keys and the
 * operator ask within their boundary, so they see resources as they are. Cheap on the hot path: one comparison.
 */
export const seenBy = (engine: Engine, actor: Actor, subject: string, resource: Resource): Resource => {
  if (actor.kind !== "user" || resource.org === actor.org) return resource;
  if (engine.findSubject(subject)?.org === resource.org) return resource;
  if (engine.holdsGrantIn(subject, resource.org)) return resource;
  return { ...resource, org: UNREACHED };
};

/**
 * THE organization boundary, for queries and mutations alike: every organization the objects lie in (one of them,
 * when `shared`) is the actor's own or, with `acrossOrgs`, one where the user holds grants; any other is NOT_FOUND
 * with the made-up id's words. The operator is no member of any organization and passes.
 */
const within = (engine: Engine, actor: Actor, boundary: Boundary): void => {
  if (actor.kind === "operator") return;
  const orgs = boundary.orgs ?? NOTHING;
  const outsider =
    boundary.shared === true
      ? orgs.some((org) => passes(engine, actor, boundary, org))
        ? undefined
        : orgs[0]
      : orgs.find((org) => !passes(engine, actor, boundary, org));
  if (outsider !== undefined) throw outside(boundary.missing, outsider);
};

/** Whether `org` is within the boundary for `actor`: its own, or (`acrossOrgs`) one where the user holds grants. */
const passes = (
  engine: Engine,
  actor: Exclude<Actor, { kind: "operator" }>,
  boundary: Boundary,
  org: string,
) =>
  org === actor.org ||
  (actor.kind === "user" && boundary.acrossOrgs === true && engine.holdsGrantIn(actor.id, org));

/** The organization boundary, the engine questions and the subject, in that order; throws the refusal. */
const enforce = (engine: Engine, actor: Actor, declared: Declared<unknown>): void => {
  within(engine, actor, declared);
  if (actor.kind === "operator") return;
  const { missing } = declared;
  const questions = declared.ask ?? NOTHING;
  if (actor.kind === "api-key")
    for (const q of questions) if (orgOfAsk(q) !== actor.org) throw outside(missing, orgOfAsk(q));
  // The questions come before the subject: who may not ask learns nothing about which subjects exist.
  if (actor.kind === "user") for (const q of questions) askWithin(engine, actor, q, missing, declared.hidden);
  if (declared.subject !== undefined && declared.subject !== actor.id)
    requireVisible(engine, actor, declared.subject);
  if (declared.refuse !== undefined) throw forbidden(declared.refuse);
};

const allows = (engine: Engine, actor: UserActor, question: Ask): boolean => {
  if ("check" in question) return engine.allows(actor.id, question.check.action, question.check.resource);
  if ("somewhere" in question)
    return engine.allowsSomewhere(actor.id, question.somewhere.action, question.somewhere.org);
  return assignment(engine, actor, question).decision === "allow";
};

/** A signed-in user's own question about one object of a list the query already authorized (row filters). */
export type May = (action: string, resource: Resource) => boolean;

const mayFor =
  (engine: Engine, actor: Actor): May =>
  (action, resource) =>
    actor.kind !== "user" || engine.allows(actor.id, action, resource);

/** This process's engine once it applied `token` (a question asked `atLeast`), or the refusal to wait. */
const caughtUp = (ctx: { readonly engineAt?: EngineAt | undefined }, token: string): Promise<Engine> => {
  if (ctx.engineAt === undefined)
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "This server follows no database" });
  return ctx.engineAt(token);
};

/** A query's declaration: what its input is about (see `Declared`), from the actor, the engine and store reads. */
export type Declare<I, V> = (input: I, context: QueryContext) => Promise<Declared<V>> | Declared<V>;

/** What authorizing a query reads: the request's engine, actor and sign-in state, and its wait for a token. */
export type QueryRequest = RehearsalContext & { readonly engineAt?: EngineAt | undefined };

/** What an authorized query's handler gets: the actor, the engine it was judged by, the store, `declared`, `may`. */
export interface Authorized<V> {
  readonly actor: Actor;
  readonly engine: Engine;
  readonly store: Store;
  readonly declared: V;
  readonly may: May;
}

/**
 * The one authorization of every query, tRPC's (authorizedQuery) and the /v1 decision API's (authorizedCall):
 * the actor (UNAUTHORIZED without one), the wait for an `atLeast` token, then `declare`, then `enforce` (the
 * boundary `within`, the engine's questions, the subject), all with the engine as it is after the wait. Throws
 * the refusal as a TRPCError; answers without awaiting when nothing waits and `declare` is synchronous.
 */
const authorizeQuery = <I, V>(
  ctx: QueryRequest,
  input: I,
  declare: Declare<I, V>,
): Authorized<V> | Promise<Authorized<V>> => {
  const actor = ctx.actor;
  if (actor === undefined) throw unauthorized();
  const store = storeFor(ctx);
  const token = atLeastOf(input);
  return token === undefined
    ? judgedBy(ctx, actor, store, input, declare, ctx.engine)
    : caughtUp(ctx, token)
        .then(keyStillValid(store, actor))
        .then(judging(ctx, actor, store, input, declare));
};

/**
 * After an `atLeast` wait, an API key read again from the database: one revoked by that change, or whose creator
 * that change deactivated (as the engine now holds it), is UNAUTHORIZED. The key cache that signed the request in
 * hears both on its own channel, not through the engine's.
 */
const keyStillValid =
  (store: Store, actor: Actor) =>
  async (engine: Engine): Promise<Engine> => {
    if (actor.kind !== "api-key") return engine;
    const key = await store.run(ApiKeys.use((keys) => keys.get(actor.id)));
    if (key.revokedAt !== null || (key.createdBy !== null && engine.isDeactivated(key.createdBy)))
      throw unauthorized();
    return engine;
  };

/** The declaration for `input` made and enforced with `engine`; throws (or rejects with) the refusal. */
const judgedBy = <I, V>(
  ctx: QueryRequest,
  actor: Actor,
  store: Store,
  input: I,
  declare: Declare<I, V>,
  engine: Engine,
): Authorized<V> | Promise<Authorized<V>> => {
  try {
    const made = declare(input, { actor, engine, store });
    return made instanceof Promise
      ? made.then(deciding(ctx, actor, engine, store)).catch(refusal)
      : decide(ctx, actor, engine, store, made);
  } catch (cause) {
    return refusal(cause);
  }
};

const judging =
  <I, V>(ctx: QueryRequest, actor: Actor, store: Store, input: I, declare: Declare<I, V>) =>
  (engine: Engine) =>
    judgedBy(ctx, actor, store, input, declare, engine);

/** The partition boundary (on a partitioned node), then `enforce`: the query authorized, or the refusal thrown. */
const decide = <V>(
  ctx: QueryRequest,
  actor: Actor,
  engine: Engine,
  store: Store,
  declared: Declared<V>,
): Authorized<V> => {
  // Only a partitioned node has anything to refuse: the hot path allocates nothing for it.
  if (ctx.partition !== undefined && ctx.partition.kind !== "all") {
    servedObjects(ctx.partition, actor, declared);
    served(ctx.partition, actor, [
      ...(declared.orgs ?? NOTHING),
      ...(declared.answersAbout ?? NOTHING),
      ...(declared.ask ?? NOTHING).map(orgOfAsk),
    ]);
  }
  enforce(engine, actor, declared);
  return { actor, engine, store, declared: declared.value as V, may: mayFor(engine, actor) };
};

const deciding =
  (ctx: QueryRequest, actor: Actor, engine: Engine, store: Store) =>
  <V>(declared: Declared<V>) =>
    decide(ctx, actor, engine, store, declared);

const refusal = (cause: unknown): never => {
  throw toTrpcError(cause);
};

/**
 * THE authorizing query: `declare(input, { actor, engine, store })` names the organizations its objects lie in,
 * the subject it is about and the engine questions (it may load stored rows first, and refuse bad input), and the
 * builder enforces them (see the top of this module) before the handler runs. The handler gets `ctx.store`,
 * `ctx.declared` (the declaration's `value`) and `ctx.may` (the user's own question for filtering rows; always
 * true for API keys and the operator, whose boundary was enforced). An input with an `atLeast` consistency token
 * (contracts' ConsistencyToken) is answered only once this process's engine applied it: the wait comes first (for
 * a signed-in actor), and the declaration, the builder and the handler all read the engine as it is then.
 */
export const authorizedQuery = <S extends Schema.ConstraintDecoder<unknown>, V = undefined>(
  schema: S,
  declare: Declare<S["Type"], V>,
) =>
  tagged({ kind: "query" })
    .input(inputSchema(schema))
    .use(async ({ ctx, input, next }) => {
      const authorized = authorizeQuery(ctx, input, declare);
      const { actor, engine, store, declared, may } =
        authorized instanceof Promise ? await authorized : authorized;
      const result = await next({ ctx: { actor, engine, store, declared, may } });
      if (result.ok) return result;
      throw failureOf(result.error);
    });

/** A query authorized outside tRPC: its input schema, how it is authorized, and the call itself. */
export interface AuthorizedCall<S extends Schema.Top, V> {
  /** The input's Effect schema; requests are decoded with its JSON codec (`Schema.toCodecJson`). */
  readonly input: S;
  readonly authorization: Authorization;
  /**
   * Decodes `raw` and authorizes it; throws the refusal (a TRPCError) as authorizedQuery would, or rejects with it
   * where something was awaited (an `atLeast` wait, an asynchronous declaration): only then is the answer a promise.
   */
  readonly authorize: (
    raw: unknown,
    ctx: QueryRequest,
  ) => WithInput<V, S["Type"]> | Promise<WithInput<V, S["Type"]>>;
}

type WithInput<V, I> = Authorized<V> & { readonly input: I };

/**
 * An authorization with its input, written out key by key: `{ ...authorized, input }` took about 0.4 µs on Node
 * 20 (spreading an object that holds a closure, then adding a key), this 10 ns.
 */
const inputWith = <V, I>(a: Authorized<V>, input: I): WithInput<V, I> => ({
  actor: a.actor,
  engine: a.engine,
  store: a.store,
  declared: a.declared,
  may: a.may,
  input,
});

/** authorizeQuery's answer for a decoded input, with the input. */
const withInput = <I, V>(ctx: QueryRequest, input: I, declare: Declare<I, V>) => {
  const authorized = authorizeQuery(ctx, input, declare);
  return authorized instanceof Promise
    ? authorized.then((a) => inputWith(a, input))
    : inputWith(authorized, input);
};

/**
 * THE authorizing query outside tRPC (the /v1 decision API): the actor first (UNAUTHORIZED without one), then
 * the body decoded with `schema`'s JSON codec, the form its OpenAPI document describes, in which `null` stands for
 * an absent optional field (bad input: BAD_REQUEST naming the field, in tRPC's words), then authorizedQuery's
 * very authorization (`authorizeQuery`: the same `atLeast` wait, declaration, boundary and engine questions).
 */
export const authorizedCall = <S extends Schema.Top & Schema.ConstraintDecoder<unknown>, V = undefined>(
  schema: S,
  declare: Declare<S["Type"], V>,
): AuthorizedCall<S, V> => {
  const standard = inputSchema(schema, "json");
  return {
    input: schema,
    authorization: { kind: "query" },
    authorize: (raw, ctx) => {
      if (ctx.actor === undefined) throw unauthorized();
      const decoded = decode(standard, raw);
      return decoded instanceof Promise
        ? decoded.then((input: S["Type"]) => withInput(ctx, input, declare))
        : withInput(ctx, decoded, declare);
    },
  };
};

/** A query without input: the declaration sees only the actor. */
export const authorizedRead = <V = undefined>(
  declare: (context: QueryContext) => Promise<Declared<V>> | Declared<V>,
) => authorizedQuery(Schema.Undefined, (_input, context) => declare(context));

/** One engine question or several. */
export type Asks = Ask | ReadonlyArray<Ask>;

/**
 * What a mutation declares about a stored object it read: where it lies (the boundary, as a query declares it)
 * and its questions. `ask` may be a function: the builder calls it only once the boundary passed, so what it
 * reads next and refuses (a stale version, an object Gatehouse manages) is never told about another
 * organization's object; it may declare the next object it finds (a project's instance) the same way.
 */
export interface DeclaredChange extends Boundary {
  readonly orgs: ReadonlyArray<string>;
  readonly ask: Change | (() => Promise<Change> | Change);
  /**
   * The stored state the write would be refused on (CONFLICT, or the BAD_REQUEST of a status that takes no such
   * change, in its words), asked only once the boundary and every
   * question passed, so that `may` answers it as the write would and it names nothing to one who may not act; the
   * write's own check under its lock stays the authority.
   */
  readonly conflicts?: () => Promise<void>;
}

/** A mutation's declaration: its questions alone (about the input only), or the objects it read and then those. */
export type Change = Asks | DeclaredChange;

const isDeclaredChange = (change: Change): change is DeclaredChange => "orgs" in change;

/** The questions of a change, each boundary it draws enforced in the order it draws them. */
const questionsOf = async (
  ctx: RehearsalContext,
  actor: UserActor,
  change: Change,
  store: Store,
): Promise<ReadonlyArray<Ask>> => {
  if (!isDeclaredChange(change)) {
    const questions: ReadonlyArray<Ask> = Array.isArray(change) ? change : [change as Ask];
    served(ctx.partition, actor, questions.map(orgOfAsk));
    return withPlatforms(store, questions);
  }
  servedObjects(ctx.partition, actor, change);
  served(ctx.partition, actor, change.orgs);
  within(ctx.engine, actor, change);
  return questionsOf(ctx, actor, typeof change.ask === "function" ? await change.ask() : change.ask, store);
};

/** A Store running its reads with `services`: inside a write's transaction, on its connection (audited-writes.ts). */
const storeWithin = (services: Context.Context<StoreServices>): Store => ({
  run: (effect) =>
    Effect.runPromiseExitWith(services)(effect).then((exit) => {
      if (Exit.isSuccess(exit)) return exit.value;
      throw storeError(Cause.squash(exit.cause));
    }),
});

/**
 * THE authorizing mutation: `declare(input, { actor, store })` names what to ask the engine (one question or
 * several) and, when it read stored objects, the organizations they lie in (DeclaredChange); the builder
 * enforces the boundary (`within`, as for queries), every question must be allowed, and only then does the
 * handler run, with `ctx.write` for its audited write (`ctx.writeAll` for several in one transaction). `schema`
 * is the input's Effect schema.
 */
export const authorizedMutation = <S extends Schema.ConstraintDecoder<unknown>>(
  schema: S,
  declare: (input: S["Type"], context: AskContext) => Promise<Change> | Change,
) => {
  const standard = inputSchema(schema);
  /**
   * The boundary and every question for `input`, as the call asks them, reading through `store`; throws the
   * refusal.
   */
  const authorize = async (ctx: RehearsalContext, input: S["Type"], store = storeFor(ctx)) => {
    if (ctx.actor === undefined) throw unauthorized();
    try {
      const actor = mutatingActor(ctx.actor);
      const declared = await declare(input, { actor, store, engine: ctx.engine });
      const questions = await questionsOf(ctx, actor, declared, store);
      for (const question of questions)
        try {
          askWithin(ctx.engine, actor, question);
        } catch (cause) {
          throw "assign" in question ? await assignmentInWords(store, actor, question, cause) : cause;
        }
      if (isDeclaredChange(declared)) await declared.conflicts?.();
      return { actor, store, questions };
    } catch (cause) {
      throw toTrpcError(cause);
    }
  };
  /** The same, for raw input: decoded as the call decodes it (bad input is BAD_REQUEST naming the problem). */
  const rehearse = async (raw: unknown, ctx: RehearsalContext) => {
    await authorize(ctx, await decode(standard, raw));
  };
  return tagged({ kind: "mutation", rehearse })
    .input(standard)
    .use(async ({ ctx, input, next }) => {
      const { actor, store, questions } = await authorize(ctx, input);
      // Each write declares and asks again under the write locks of the questions' organizations and the actor's,
      // reading the objects again in its transaction: the state it commits after.
      const authority: Authority = {
        orgs: [actor.org, ...questions.map(orgOfAsk)],
        recheck: async (services, engine) => {
          await authorize({ ...ctx, engine }, input, storeWithin(services));
        },
      };
      // `asked` lets a handler refuse to act on anything the engine was not asked about.
      const writing = { store, writer: actor, requestId: ctx.requestId, written: ctx.written, authority };
      const write = writeFor(writing);
      const writeAll = writeAllFor(writing);
      const result = await next({ ctx: { actor, store, write, writeAll, asked: questions } });
      if (result.ok) return result;
      throw failureOf(result.error);
    });
};

/**
 * A route outside tRPC that reads one organization's whole decision data (GET /v1/snapshot, GET /v1/changes): an
 * API key reads its own organization; a signed-in user its own organization when the engine allows the route's
 * declared question about it (`declare(org)`); the operator none (it is no member of any organization). Returns
 * the organization, or throws the refusal (UNAUTHORIZED, FORBIDDEN with the engine's reason; on a node not holding
 * the organization, `misdirected`).
 */
export const authorizeOrgData = (
  engine: Engine,
  actor: Actor | undefined,
  declare: (org: string) => Ask,
  partition?: Partition,
): string => {
  if (actor === undefined) throw unauthorized();
  if (actor.kind === "operator")
    throw forbidden(
      "The platform operator reads no organization's snapshot: use an API key of the organization",
    );
  served(partition, actor, [actor.org]);
  if (actor.kind === "user") ask(engine, actor, declare(actor.org));
  return actor.org;
};

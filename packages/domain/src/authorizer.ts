// The engine as an Effect service: every call a named span, unknown vocabulary a typed failure.
// The API and product backends depend on this; the pure Engine below it keeps the check path free of Effect.
import { Context, Effect, Layer } from "effect";
import type { AssignDecision, Assignment } from "./engine/assign.ts";
import { type Decision, Engine } from "./engine/engine.ts";
import type { Explanation } from "./engine/explanation.ts";
import type { Landing } from "./engine/landing.ts";
import {
  InvalidMembership,
  InvalidScope,
  type ModelError,
  RoleDefinitionRejected,
  UnknownAction,
  UnknownRole,
  UnknownSubject,
} from "./model/errors.ts";
import type { Resource } from "./model/resource.ts";

const isModelError = (e: unknown): e is ModelError =>
  e instanceof UnknownAction ||
  e instanceof UnknownRole ||
  e instanceof UnknownSubject ||
  e instanceof InvalidScope ||
  e instanceof RoleDefinitionRejected ||
  e instanceof InvalidMembership;

/** Runs a pure engine call: model errors become typed failures, anything else is a defect. */
const attempt = <A>(run: () => A): Effect.Effect<A, ModelError> =>
  Effect.suspend(() => {
    try {
      return Effect.succeed(run());
    } catch (e) {
      return isModelError(e) ? Effect.fail(e) : Effect.die(e);
    }
  });

export interface AuthorizerShape {
  /** The engine itself, for callers that update the snapshot (the storage layer) or need the raw speed. */
  readonly engine: Engine;
  readonly check: (
    subject: string,
    action: string,
    resource: Resource,
  ) => Effect.Effect<Decision, ModelError>;
  readonly checkMany: (
    subject: string,
    questions: ReadonlyArray<{ readonly action: string; readonly resource: Resource }>,
  ) => Effect.Effect<ReadonlyArray<Decision>, ModelError>;
  readonly explain: (
    subject: string,
    action: string,
    resource: Resource,
  ) => Effect.Effect<Explanation, ModelError>;
  readonly whoCan: (action: string, resource: Resource) => Effect.Effect<ReadonlyArray<string>, ModelError>;
  readonly whatCan: (subject: string, resource: Resource) => Effect.Effect<ReadonlyArray<string>, ModelError>;
  readonly assign: (actor: string, assignment: Assignment) => Effect.Effect<AssignDecision, ModelError>;
  readonly landing: (subject: string) => Effect.Effect<Landing, ModelError>;
}

/** Builds the service over an engine. */
export const makeAuthorizer = (engine: Engine): AuthorizerShape => ({
  engine,
  check: Effect.fn("Authorizer.check")((subject, action, resource) =>
    attempt(() => engine.check(subject, action, resource)),
  ),
  checkMany: Effect.fn("Authorizer.checkMany")((subject, questions) =>
    attempt(() => questions.map((q) => engine.check(subject, q.action, q.resource))),
  ),
  explain: Effect.fn("Authorizer.explain")((subject, action, resource) =>
    attempt(() => engine.explain(subject, action, resource)),
  ),
  whoCan: Effect.fn("Authorizer.whoCan")((action, resource) =>
    attempt(() => engine.whoCan(action, resource)),
  ),
  whatCan: Effect.fn("Authorizer.whatCan")((subject, resource) =>
    attempt(() => engine.whatCan(subject, resource)),
  ),
  assign: Effect.fn("Authorizer.assign")((actor, assignment) =>
    attempt(() => engine.assign(actor, assignment)),
  ),
  landing: Effect.fn("Authorizer.landing")((subject) => attempt(() => engine.landing(subject))),
});

export class Authorizer extends Context.Service<Authorizer, AuthorizerShape>()(
  "@gatehouse/domain/Authorizer",
) {
  /** The live service over a given engine (the storage layer loads and keeps it current). */
  static readonly layerFrom = (engine: Engine) => Layer.succeed(Authorizer, makeAuthorizer(engine));
  /** An in-memory twin over an empty engine, for tests that add their own grants. */
  static readonly layerTest = Layer.sync(Authorizer, () => makeAuthorizer(new Engine()));
}

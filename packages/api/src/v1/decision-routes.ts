// Every /v1 decision endpoint, in one list: its path, its input and answer schemas, its authorization (authorize.ts's
// authorizedCall) and its answer. The mount, the OpenAPI document and the adversarial sweep all read this list.

import {
  CheckInput,
  CheckManyInput,
  CheckResourcesInput,
  MAX_CHECKS,
} from "@gatehouse/contracts/check-inputs";
import { CheckTableInput } from "@gatehouse/contracts/check-table";
import type { Decision } from "@gatehouse/domain";
import { Schema } from "effect";
import type { Authorization } from "../authorization.ts";
import { type AuthorizedCall, authorizedCall, type QueryRequest } from "../authorize.ts";
import {
  aboutChecks,
  aboutOne,
  aboutResources,
  aboutTable,
  decideCheck,
  decideChecks,
  decideResources,
  decideTable,
} from "../check-decisions.ts";
import type { Actor, ApiContext } from "../context.ts";
import { decisionJson, decisionsJson, resultsJson } from "./decision-json.ts";

/** One /v1 endpoint (a POST with a JSON body), as the mount, the document and the sweep read it. */
export interface DecisionRoute {
  readonly path: `/v1/${string}`;
  /** The OpenAPI operationId; its schemas are named `<Name>Request` and `<Name>Response` after it. */
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly input: Schema.Top;
  readonly response: Schema.Top;
  readonly authorization: Authorization;
  /** Decodes and authorizes `raw` (throwing the refusal), then answers: a promise only where something waited. */
  readonly answer: (raw: unknown, ctx: QueryRequest) => unknown;
  /** The answer as JSON text (decision-json.ts). */
  readonly json: (answer: never) => string;
}

/** What an answer reads: the engine, the authorized actor and the decoded input. */
interface Answering<I> {
  readonly engine: ApiContext["engine"];
  readonly actor: Actor;
  readonly input: I;
}

const route = <S extends Schema.Top, R extends Schema.Top>(spec: {
  readonly path: DecisionRoute["path"];
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly call: AuthorizedCall<S, undefined>;
  readonly response: R;
  readonly answer: (answering: Answering<S["Type"]>) => R["Type"];
  readonly json: (answer: R["Type"]) => string;
}): DecisionRoute => ({
  path: spec.path,
  operationId: spec.operationId,
  summary: spec.summary,
  description: spec.description,
  input: spec.call.input,
  response: spec.response,
  authorization: spec.call.authorization,
  answer: (raw, ctx) => {
    // The engine the authorization judged by (after any `atLeast` wait) answers too.
    const authorized = spec.call.authorize(raw, ctx);
    return authorized instanceof Promise ? authorized.then(spec.answer) : spec.answer(authorized);
  },
  json: spec.json,
});

/** The engine's decision, as tRPC's authz.check answers it. */
const DecisionAnswer = Schema.Literals(["allow", "deny"] as const satisfies ReadonlyArray<Decision>);

const whoAsks =
  "A user asks about itself (no `subject`) or, where it may view the users of the resource's place, about " +
  "another subject; an API key names a subject of its own organization. Another organization's resource is " +
  "answered 404 exactly as a made-up one.";

export const decisionRoutes: ReadonlyArray<DecisionRoute> = [
  route({
    path: "/v1/check",
    operationId: "check",
    summary: "May the subject do the action on the resource?",
    description: `The engine's decision for one question, as tRPC's authz.check answers it. ${whoAsks}`,
    call: authorizedCall(CheckInput, aboutOne),
    response: Schema.Struct({ decision: DecisionAnswer }),
    answer: (asked) => ({ decision: decideCheck(asked, asked.input) }),
    json: decisionJson,
  }),
  route({
    path: "/v1/check-many",
    operationId: "checkMany",
    summary: `Up to ${MAX_CHECKS} questions about one subject, answered in their order`,
    description: `The engine's decisions, in the order of the checks, as tRPC's authz.checkMany answers. ${whoAsks}`,
    call: authorizedCall(CheckManyInput, aboutChecks),
    response: Schema.Struct({ decisions: Schema.Array(DecisionAnswer) }),
    answer: (asked) => ({ decisions: decideChecks(asked, asked.input) }),
    json: decisionsJson,
  }),
  route({
    path: "/v1/check-table",
    operationId: "checkTable",
    summary: `Up to ${MAX_CHECKS} questions about one subject as a table: check-many's questions, each part sent once`,
    description:
      "check-many's questions and answers, with each id, action, scope path and set of attributes sent once and " +
      "each question three indexes into them: a backend asking hundreds of questions at once sends a fraction of " +
      `check-many's body, and the answers come several times faster. ${whoAsks} Every path sent is asked about.`,
    call: authorizedCall(CheckTableInput, aboutTable),
    response: Schema.Struct({ decisions: Schema.Array(DecisionAnswer) }),
    answer: (asked) => ({ decisions: decideTable(asked, asked.input) }),
    json: decisionsJson,
  }),
  route({
    path: "/v1/check-resources",
    operationId: "checkResources",
    summary: `Several actions on each of several resources, about one subject (at most ${MAX_CHECKS} decisions)`,
    description:
      "For each resource in their order, the engine's decisions on its actions in theirs, as tRPC's " +
      "authz.checkResources answers: what a page showing several things asks of each. Each resource is sent " +
      `once, however many actions are asked of it. ${whoAsks}`,
    call: authorizedCall(CheckResourcesInput, aboutResources),
    response: Schema.Struct({
      results: Schema.Array(Schema.Struct({ decisions: Schema.Array(DecisionAnswer) })),
    }),
    answer: (asked) => ({ results: decideResources(asked, asked.input) }),
    json: resultsJson,
  }),
];

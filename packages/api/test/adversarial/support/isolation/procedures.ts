// The router tree as the sweep walks it: every procedure of appRouter with its kind and its input's JSON Schema,
// read from tRPC's own record, so a procedure added to any router joins the sweep without being listed; and every
// /v1 route of decision-routes.ts, the list the app mounts them from (isolation-walker.test.ts holds it complete).
import { Schema } from "effect";
import { type Authorization, authorizationOf } from "../../../../src/authorization.ts";
import { appRouter } from "../../../../src/root.ts";
import { decisionRoutes } from "../../../../src/v1/decision-routes.ts";

/** A JSON Schema node, as Effect writes it (draft 2020-12). */
export interface JsonSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: ReadonlyArray<string>;
  readonly items?: JsonSchema;
  readonly anyOf?: ReadonlyArray<JsonSchema>;
  readonly enum?: ReadonlyArray<unknown>;
  readonly $ref?: string;
}

export interface Procedure {
  /** tRPC's dotted path, or a /v1 route's own path (`/v1/check`: POSTed as JSON, see http.ts). */
  readonly path: string;
  /** A /v1 route reads like a query: it changes nothing, and its answers are compared. */
  readonly type: "query" | "mutation";
  /** How the procedure declared its authorization (authorize.ts's builders tag it in tRPC meta). */
  readonly authorization: Authorization;
  /** Undefined for a procedure without input. */
  readonly input: JsonSchema | undefined;
  readonly definitions: Readonly<Record<string, JsonSchema>>;
}

interface TrpcProcedure {
  readonly _def: {
    readonly type: "query" | "mutation" | "subscription";
    readonly inputs: ReadonlyArray<unknown>;
    readonly meta?: unknown;
  };
}

/** A procedure's input schema as JSON Schema (draft 2020-12), as Effect writes it. */
const jsonSchemaOf = (schema: Schema.Top) => {
  const document = Schema.toJsonSchemaDocument(schema);
  return {
    input: document.schema as JsonSchema,
    definitions: document.definitions as Record<string, JsonSchema>,
  };
};

/** Every /v1 route, as the sweep calls it. */
const v1Procedures = (): ReadonlyArray<Procedure> =>
  decisionRoutes.map((route) => ({
    path: route.path,
    type: "query",
    authorization: route.authorization,
    ...jsonSchemaOf(route.input),
  }));

/**
 * Every procedure of the app router, in the router's order, then every /v1 route; one without an authorization
 * declaration throws.
 */
export const procedures = (): ReadonlyArray<Procedure> => [
  ...Object.entries(
    (appRouter._def as unknown as { procedures: Record<string, TrpcProcedure> }).procedures,
  ).map(([path, procedure]) => {
    const { type, inputs } = procedure._def;
    const authorization = authorizationOf(procedure);
    if (authorization === undefined)
      throw new Error(
        `${path}: built without a declaring builder of authorize.ts (no authorization in its meta)`,
      );
    if (type === "subscription") throw new Error(`${path}: the sweep does not call subscriptions`);
    if (inputs.length > 1) throw new Error(`${path}: the sweep reads one input schema per procedure`);
    const schema = inputs[0];
    if (schema === undefined) return { path, type, authorization, input: undefined, definitions: {} };
    return { path, type, authorization, ...jsonSchemaOf(schema as Schema.Top) };
  }),
  ...v1Procedures(),
];

// Mounts the /v1 decision API on Hono, outside tRPC: each route of decision-routes.ts as a JSON POST, signed in as
// tRPC is (bearer API key, or session cookie with the CSRF header), and GET /v1/openapi.json describing them.
import type { Engine } from "@gatehouse/domain";
import type { Partition } from "@gatehouse/store";
import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type AuthConfig, authContext } from "../auth/create-context.ts";
import type { EngineAt } from "../consistency.ts";
import { namesJson } from "../json-content-type.ts";
import { badRequest, unauthorized, unsupportedMediaType } from "../refusals.ts";
import { type DecisionRoute, decisionRoutes } from "./decision-routes.ts";
import { errorAnswer } from "./error-body.ts";
import { openApiDocument } from "./openapi-document.ts";

export interface DecisionApiOptions {
  /** How requests sign in (the app's store and proxy trust, as tRPC's). */
  readonly auth: AuthConfig;
  /** The current engine, read per request. */
  readonly engine: () => Engine;
  /** The engine once this process applied a token (a question asked `atLeast`); absent without a store. */
  readonly engineAt: EngineAt | undefined;
  /** The organizations this node holds: a question about another is answered 421 (authorize.ts). */
  readonly partition?: Partition | undefined;
}

type RequestEnv = { Variables: { requestId: string } };

const JSON_TYPE = { "content-type": "application/json" };

const notJson = (): never => {
  throw badRequest("The request body is not JSON: send the input as a JSON object");
};

/** The body as JSON: sent as another media type, 415; a body that is not JSON, a bad request. */
const jsonBody = (c: Context): Promise<unknown> => {
  if (!namesJson(c.req.header("content-type"))) throw unsupportedMediaType("application/json");
  return c.req.json().catch(notJson);
};

/** How a 401 tells a client to sign in (RFC 6750): with a bearer API key. */
const CHALLENGE = { "www-authenticate": 'Bearer realm="gatehouse"' };

/**
 * Sign-in, the body, then the route's own authorization and answer; any refusal as an error body. A cached API
 * key signs in without a promise (authContext), as an engine answers without one.
 */
const handle = (route: DecisionRoute, options: DecisionApiOptions) => async (c: Context<RequestEnv>) => {
  try {
    const signedIn = authContext(options.auth, { req: c.req.raw, resHeaders: undefined }, c);
    const { actor, auth } = signedIn instanceof Promise ? await signedIn : signedIn;
    if (actor === undefined) throw unauthorized();
    const raw = await jsonBody(c);
    const ctx = {
      engine: options.engine(),
      engineAt: options.engineAt,
      actor,
      auth,
      partition: options.partition,
    };
    const answer = route.answer(raw, ctx);
    return c.body(route.json((answer instanceof Promise ? await answer : answer) as never), 200, JSON_TYPE);
  } catch (cause) {
    const { status, body } = errorAnswer(cause, c.get("requestId"), route.path);
    return c.json(body, status as ContentfulStatusCode, status === 401 ? CHALLENGE : undefined);
  }
};

/** Mounts every route of `decisionRoutes` and the OpenAPI document on `app`. */
export const mountDecisionApi = <E extends RequestEnv>(app: Hono<E>, options: DecisionApiOptions): void => {
  for (const route of decisionRoutes) app.post(route.path, handle(route, options));
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get("/v1/openapi.json", (c) => {
    document ??= openApiDocument(decisionRoutes);
    return c.json(document);
  });
};

// The /v1 answers for requests no endpoint takes, as the error body: a known path asked with another method is
// 405 with `Allow` naming its method, any other /v1 path 404 pointing at the OpenAPI document.
import type { Hono } from "hono";
import { errorBody } from "./error-body.ts";

/** The /v1 paths mounted besides the decision routes, with their method. */
const streamsAndDocument: Readonly<Record<string, string>> = {
  "/v1/openapi.json": "GET",
  "/v1/snapshot": "GET",
  "/v1/changes": "GET",
};

/** Mounts, after every /v1 route, the 405 and 404 answers; `decisionPaths` are the POST endpoints. */
export const mountV1Fallback = <E extends object>(
  app: Hono<E>,
  decisionPaths: ReadonlyArray<string>,
): void => {
  const methods = new Map<string, string>(Object.entries(streamsAndDocument));
  for (const path of decisionPaths) methods.set(path, "POST");
  app.all("/v1/*", (c) => {
    const allowed = methods.get(c.req.path);
    if (allowed !== undefined)
      return c.json(errorBody("METHOD_NOT_SUPPORTED", `${c.req.path} answers ${allowed} only`), 405, {
        allow: allowed,
      });
    return c.json(
      errorBody("NOT_FOUND", `No endpoint ${c.req.path}: the endpoints are listed in /v1/openapi.json`),
      404,
    );
  });
};

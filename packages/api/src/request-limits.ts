// Bounds on what one request may carry: a body of at most 1 MB on every route, refused with 413 and a message
// before it is read further, and at most 100 calls in one tRPC batch (the client splits larger batches).
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { errorBody } from "./v1/error-body.ts";

/** The largest request body read (1 MB): a checkMany of 1,000 checks takes about a fifth of it. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The most calls one tRPC batch may hold; @gatehouse/client batches no more than this. */
export const MAX_BATCH_CALLS = 100;

const tooLargeMessage = `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB; send less at once`;

/** The refusal, shaped as a tRPC error so that clients read its message like any other (on /v1, as /v1's errors). */
const tooLarge = (c: Context) =>
  c.req.path.startsWith("/v1/")
    ? c.json(errorBody("PAYLOAD_TOO_LARGE", tooLargeMessage), 413)
    : c.json(
        {
          error: {
            message: tooLargeMessage,
            code: -32013,
            data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413 },
          },
        },
        413,
      );

/** Hono's limit, which reads a body that declares no length only up to MAX_BODY_BYTES. */
const limitStream = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: tooLarge });

/**
 * Refuses a body over MAX_BODY_BYTES, whether it declares its length or streams it. Decided as Hono's bodyLimit
 * decides, from the headers where they suffice: that limit asks for `raw.body` first, which makes
 * @hono/node-server build a full Fetch Request for every request, a GET's too (a tenth of a single check's
 * CPU; docs/benchmarks.md). A GET or HEAD has no body to read, and a declared length decides without one.
 * Not an async function (a promise layer per request): app.ts runs it inside its request-id middleware.
 */
export const limitBody: MiddlewareHandler = (c, next) => {
  const method = c.req.method;
  if (method === "GET" || method === "HEAD") return next();
  const headers = c.req.raw.headers;
  const length = headers.get("content-length");
  if (length === null || headers.has("transfer-encoding")) return limitStream(c, next);
  return Number.parseInt(length || "0", 10) > MAX_BODY_BYTES ? Promise.resolve(tooLarge(c)) : next();
};

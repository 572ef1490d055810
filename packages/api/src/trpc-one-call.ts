// One tRPC call (a GET query, a JSON POST mutation) answered with tRPC's own procedure, error shape and status,
// without its general HTTP resolver; batches, streams and anything unusual are left to that resolver (app.ts).
import type { AnyTRPCProcedure } from "@trpc/server";
import {
  getErrorShape,
  getHTTPStatusCode,
  getTRPCErrorFromUnknown,
  isAsyncIterable,
  isPromise,
  TRPCError,
  transformTRPCResponse,
} from "@trpc/server/unstable-core-do-not-import";
import type { Context } from "hono";
import { type CookieHeaders, CookieJar } from "./auth/request-auth.ts";
import type { ApiContext } from "./context.ts";
import { namesJson } from "./json-content-type.ts";
import type { appRouter } from "./root.ts";

/** What the call needs of the app's tRPC options: the router, the error log and the answer's headers and status. */
export interface OneCallOptions {
  readonly router: typeof appRouter;
  readonly endpoint: string;
  readonly onError: (opts: {
    readonly error: TRPCError;
    readonly path: string | undefined;
    readonly ctx: ApiContext | undefined;
  }) => void;
  readonly responseMeta: (opts: {
    readonly ctx?: ApiContext | undefined;
    readonly errors: ReadonlyArray<{ readonly cause?: unknown }>;
  }) => { headers?: Record<string, string>; status?: number };
}

/** The request and the headers sign-in sets cookies on, as tRPC's fetch adapter gives its createContext. */
export type OneCallContext = (opts: {
  readonly req: Request;
  readonly resHeaders: CookieHeaders;
}) => ApiContext | Promise<ApiContext>;

type Answer = Promise<Response>;

const VARY = "trpc-accept, accept";

/** A procedure path as it stands in a URL with nothing to decode or normalize: `/trpc/authz.check`. */
const PLAIN_PATH = /^[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*$/;

/** The `input` parameter decoded as URLSearchParams decodes it (the quick way when it is valid UTF-8). */
const inputParameter = (url: string, query: number): string => {
  const raw = url.slice(query + "?input=".length).replaceAll("+", " ");
  try {
    return decodeURIComponent(raw);
  } catch {
    return new URLSearchParams(url.slice(query)).get("input") ?? "";
  }
};

/**
 * The call a request makes, when it is one this module answers exactly as tRPC's resolver would: one call (no
 * batch, no other query parameter than `input` and no fragment after it, no streamed answer asked) to a procedure
 * path with nothing to decode, a query by GET or a mutation by a JSON POST, on a procedure the router holds.
 * Anything else is undefined: the resolver answers it.
 */
const oneCall = (c: Context, endpoint: string, router: OneCallOptions["router"]) => {
  const method = c.req.method;
  const url = c.req.url;
  const query = url.indexOf("?");
  if (method === "GET") {
    if (
      query !== -1 &&
      (!url.startsWith("input=", query + 1) || url.includes("&", query) || url.includes("#", query))
    )
      return undefined;
    const contentType = c.req.header("content-type");
    if (contentType !== undefined && !namesJson(contentType)) return undefined;
  } else if (method !== "POST" || query !== -1 || !namesJson(c.req.header("content-type"))) return undefined;
  if (c.req.header("trpc-accept") !== undefined || c.req.header("accept")?.includes("application/jsonl"))
    return undefined;
  const start = url.indexOf(`${endpoint}/`, url.indexOf("://") + 3);
  const path = url.slice(start + endpoint.length + 1, query === -1 ? url.length : query);
  if (start === -1 || url.indexOf("/", url.indexOf("://") + 3) !== start || !PLAIN_PATH.test(path))
    return undefined;
  const procedure = Object.hasOwn(router._def.procedures, path)
    ? (router._def.procedures as unknown as Record<string, AnyTRPCProcedure>)[path]
    : undefined;
  const type = procedure?._def.type;
  if (procedure === undefined || type !== (method === "GET" ? "query" : "mutation")) return undefined;
  return {
    path,
    procedure,
    type,
    input: method === "GET" && query !== -1 ? inputParameter(url, query) : undefined,
  };
};

/** What a call read of its input: tRPC's error shape names it. */
interface Read {
  input: unknown;
}

/**
 * The call's input as tRPC reads it: JSON in the `input` parameter or the body, undefined when absent or empty;
 * kept in `read` once parsed (curried: a function named per request costs a `name` definition under tsx).
 */
const inputReader =
  (c: Context, router: OneCallOptions["router"], parameter: string | undefined, read: Read) =>
  async (): Promise<unknown> => {
    const text = c.req.method === "GET" ? parameter : await c.req.text();
    if (text === undefined || text === "") return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: cause instanceof Error ? cause.message : "Invalid input",
        cause,
      });
    }
    read.input = router._def._config.transformer.input.deserialize(parsed);
    return read.input;
  };

/** Whether tRPC would refuse this data in a JSON answer (a promise or an async iterable, at the top or one level down). */
const streams = (data: unknown): boolean =>
  typeof data === "object" &&
  data !== null &&
  (isAsyncIterable(data) || Object.values(data).some((v) => isPromise(v) || isAsyncIterable(v)));

/**
 * The answer's headers: tRPC's, the meta's (consistency token) and the cookies sign-in set. A plain record, which
 * node-server writes as it is, unless there are cookies (sign-in, sign-out): several Set-Cookie need Fetch Headers.
 */
const answerHeaders = (
  jar: CookieJar,
  meta: Record<string, string> | undefined,
): Record<string, string> | Headers => {
  const headers: Record<string, string> = { vary: VARY, "content-type": "application/json", ...meta };
  if (jar.cookies.length === 0) return headers;
  const withCookies = new Headers(headers);
  for (const cookie of jar.cookies) withCookies.append("set-cookie", cookie);
  return withCookies;
};

/**
 * Answers `c` as tRPC's fetch adapter would, or undefined to leave it to that adapter. The procedure runs through
 * tRPC (its middlewares, input parser and errors); only the HTTP envelope is built here: its general resolver
 * parses the URL twice, makes Fetch Headers and abort controllers, and awaits every step (docs/benchmarks.md).
 */
export const answerOneCall = (
  c: Context,
  options: OneCallOptions,
  context: OneCallContext,
): Answer | undefined => {
  const call = oneCall(c, options.endpoint, options.router);
  if (call === undefined) return undefined;
  return answer(c, options, context, call.path, call.procedure, call.type, call.input);
};

const answer = async (
  c: Context,
  options: OneCallOptions,
  context: OneCallContext,
  path: string,
  procedure: AnyTRPCProcedure,
  type: "query" | "mutation",
  parameter: string | undefined,
): Promise<Response> => {
  const config = options.router._def._config;
  const jar = new CookieJar();
  const read: Read = { input: undefined };
  let ctx: ApiContext | undefined;
  let res: { result: { data: unknown } } | { error: unknown };
  let error: TRPCError | undefined;
  try {
    ctx = await context({ req: c.req.raw, resHeaders: jar });
    const getRawInput = inputReader(c, options.router, parameter, read);
    const data: unknown = await procedure({ path, getRawInput, ctx, type, signal: undefined, batchIndex: 0 });
    if (streams(data))
      throw new TRPCError({
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
      });
    res = { result: { data } };
  } catch (cause) {
    error = getTRPCErrorFromUnknown(cause);
    options.onError({ error, path, ctx });
    res = { error: getErrorShape({ config, ctx, error, input: read.input, path, type }) };
  }
  const errors = error === undefined ? [] : [error];
  const meta = options.responseMeta({ ctx, errors });
  // A result is a 200 to tRPC (getHTTPStatusCode), unless the meta says otherwise.
  const status = meta.status ?? (error === undefined ? 200 : getHTTPStatusCode([res] as never, errors));
  // A Response made here, not by c.body: Hono turns a header record of more than one header into Fetch Headers,
  // which node-server turns back into a record.
  return new Response(JSON.stringify(transformTRPCResponse(config, res as never)), {
    status,
    headers: answerHeaders(jar, meta.headers),
  });
};

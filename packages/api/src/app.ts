// The Hono application: /healthz, tRPC at /trpc/*, the /v1 decision API, /events and the three apps' pages. Built
// around an Engine and the store (sign-in); tests drive it with app.request, the server with @hono/node-server.
import { randomUUID } from "node:crypto";
import { ServerResponse } from "node:http";
import type { Engine } from "@gatehouse/domain";
import type { Partition } from "@gatehouse/store";
import { type FetchHandlerRequestOptions, fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { Duration } from "effect";
import { type Context, Hono } from "hono";
import { mountApps } from "./apps.ts";
import { type AuthConfig, authContext, type SignedIn } from "./auth/create-context.ts";
import type { CookieHeaders } from "./auth/request-auth.ts";
import type { StoreRunner } from "./auth/store-runner.ts";
import { defaultAtLeastWait, type EngineAt, engineAt, tokenHeaders, WrittenPosition } from "./consistency.ts";
import type { ApiContext } from "./context.ts";
import { mountEvents } from "./events.ts";
import { NotServedHere } from "./refusals.ts";
import { limitBody, MAX_BATCH_CALLS } from "./request-limits.ts";
import { appRouter } from "./root.ts";
import type { StreamLimits } from "./stream-quota.ts";
import { answerOneCall, type OneCallOptions } from "./trpc-one-call.ts";
import { mountChanges } from "./v1/change-stream.ts";
import { mountDecisionApi } from "./v1/check-endpoints.ts";
import { decisionRoutes } from "./v1/decision-routes.ts";
import { mountV1Fallback } from "./v1/fallback.ts";
import { mountSnapshot } from "./v1/snapshot-stream.ts";

export interface AppOptions {
  /** The current engine (the store's EngineSync replaces it on a full reload, so it is read per request). */
  readonly engine: () => Engine;
  /** Where the apps' folders are (default: the repository's apps/). */
  readonly appsDir?: string;
  /**
   * Runs store Effects (the server's ManagedRuntime): sessions, API keys and sign-in. Without it every
   * request is anonymous and only public procedures answer.
   */
  readonly store?: StoreRunner;
  /** Trust x-forwarded-for and x-forwarded-proto (default: the environment's TRUST_PROXY=1). */
  readonly trustProxy?: boolean;
  /** How often /events re-checks its credentials and sends a heartbeat (default 15 s). */
  readonly eventsHeartbeat?: Duration.Duration;
  /** How many /events streams may be open at once, per actor and in all (default `defaultStreamLimits`). */
  readonly eventsLimits?: StreamLimits;
  /** How long a question asked `atLeast` a consistency token waits for this process to apply it (default 5 s). */
  readonly atLeastWait?: Duration.Duration;
  /** The organizations this node holds (default: every one); requests about others are answered 421. */
  readonly partition?: Partition;
  /** Which of several worker processes this is (GATEHOUSE_WORKERS): sent as `x-gatehouse-worker` on every answer. */
  readonly worker?: string;
  /**
   * Answer single tRPC calls with answerOneCall (default true); false leaves every call to tRPC's fetch adapter,
   * which the one-call path must answer alike (trpc-one-call.test.ts compares them).
   */
  readonly oneCall?: boolean;
}

/** Hono context variables: the request id is kept here, never read back from the response. */
type Env = { Variables: { requestId: string } };

/** The node:http response @hono/node-server answers on (its `env.outgoing`), or undefined outside that server. */
const serverResponseOf = (c: Context): ServerResponse | undefined => {
  const outgoing: unknown = (c.env as { outgoing?: unknown } | undefined)?.outgoing;
  return outgoing instanceof ServerResponse ? outgoing : undefined;
};

/** Writes the ids on the response the handler gave (curried: no function named per request, see authorize.ts). */
const afterwards = (c: Context, requestId: string, worker: string | undefined) => (answered: unknown) => {
  // The body limit's refusal, answered before the handler ran (next()'s own promise gives no response).
  if (answered instanceof Response) c.res = answered;
  c.res.headers.set("x-request-id", requestId);
  if (worker !== undefined) c.res.headers.set("x-gatehouse-worker", worker);
};

/**
 * A tRPC request's context: the actor comes from an API key or the session cookie; a cookie-authenticated request
 * other than GET must carry the CSRF header, or it is refused (403) before any procedure runs.
 */
const trpcContext =
  (auth: AuthConfig, options: AppOptions, caughtUp: EngineAt | undefined, c: Context<Env>) =>
  (opts: { readonly req: Request; readonly resHeaders: CookieHeaders }): ApiContext | Promise<ApiContext> => {
    const signedIn = authContext(auth, opts, c);
    return signedIn instanceof Promise
      ? signedIn.then(requestContext(options, caughtUp, c))
      : requestContext(options, caughtUp, c)(signedIn);
  };

/** A tRPC request's context once it signed in (curried: no function named per request, see authorize.ts). */
const requestContext =
  (options: AppOptions, caughtUp: EngineAt | undefined, c: Context<Env>) =>
  (signedIn: SignedIn): ApiContext => ({
    engine: options.engine(),
    requestId: c.get("requestId"),
    written: new WrittenPosition(),
    engineAt: caughtUp,
    partition: options.partition,
    // Key by key, not `...signedIn`: a literal ending in a spread took three times as long (docs/benchmarks.md).
    actor: signedIn.actor,
    auth: signedIn.auth,
  });

/** How tRPC calls are answered, by answerOneCall and by tRPC's fetch adapter alike. */
const oneCallOptions: OneCallOptions = {
  router: appRouter,
  // Named, so the adapter does not work it out from Hono's route on every request.
  endpoint: "/trpc",
  // Clients see "Internal error" only; the operator finds the cause in the log by the request id.
  onError: ({ error, path, ctx }) => {
    if (error.code === "INTERNAL_SERVER_ERROR")
      console.error(
        `[${ctx?.requestId ?? "no request id"}] ${path ?? "(no path)"} failed:`,
        error.cause ?? error,
      );
  },
  // The consistency token of the request's writes (for a batch, the highest): docs/decisions.md#api-consistency-tokens.
  // A request only about organizations this node does not hold: 421 Misdirected Request, for the router.
  responseMeta: ({ ctx, errors }) => {
    const meta = tokenHeaders(ctx?.written);
    return errors.length > 0 && errors.every((e) => e.cause instanceof NotServedHere)
      ? { ...meta, status: 421 }
      : meta;
  },
};

// tRPC's own fetch adapter, called directly: @hono/trpc-server adds an async layer and an object copy around the
// context, and a Proxy in front of every POST's request (docs/benchmarks.md). The same options every request.
const trpc: Omit<FetchHandlerRequestOptions<typeof appRouter>, "req" | "createContext"> = {
  ...oneCallOptions,
  maxBatchSize: MAX_BATCH_CALLS,
};

export const createApp = (options: AppOptions): Hono<Env> => {
  const app = new Hono<Env>();
  const auth = { store: options.store, trustProxy: options.trustProxy ?? process.env.TRUST_PROXY === "1" };
  const caughtUp =
    options.store && engineAt(options.store, options.engine, options.atLeastWait ?? defaultAtLeastWait);
  // Served by @hono/node-server, the ids go on its ServerResponse, whose writeHead adds them to whatever the handler
  // answers: reading c.res would turn the answer's plain header record into a Fetch Headers object, which node-server
  // turns back into a record (about a microsecond of a /v1 check; docs/benchmarks.md). Elsewhere (app.request in tests) they
  // are written to the response once the handler ran: reading c.res inside a handler makes Hono rebuild it.
  // The body limit runs in the same middleware: each middleware is a level of Hono's async dispatch per request.
  const worker = options.worker;
  app.use("*", (c, next) => {
    const requestId = randomUUID();
    c.set("requestId", requestId);
    const outgoing = serverResponseOf(c);
    if (outgoing === undefined) return limitBody(c, next).then(afterwards(c, requestId, worker));
    outgoing.setHeader("x-request-id", requestId);
    if (worker !== undefined) outgoing.setHeader("x-gatehouse-worker", worker);
    return limitBody(c, next);
  });
  app.get("/healthz", (c) => c.json({ status: "ok" }));
  // A single call is answered by answerOneCall (trpc-one-call.ts), everything else by tRPC's fetch adapter.
  const oneCall = options.oneCall ?? true;
  app.use("/trpc/*", (c) => {
    const createContext = trpcContext(auth, options, caughtUp, c);
    return (
      (oneCall ? answerOneCall(c, oneCallOptions, createContext) : undefined) ??
      fetchRequestHandler({ ...trpc, req: c.req.raw, createContext })
    );
  });
  mountDecisionApi(app, { auth, engine: options.engine, engineAt: caughtUp, partition: options.partition });
  mountEvents(app, {
    store: options.store,
    engine: options.engine,
    partition: options.partition,
    ...(options.eventsLimits && { limits: options.eventsLimits }),
    ...(options.eventsHeartbeat && { heartbeat: options.eventsHeartbeat }),
  });
  mountSnapshot(app, options);
  mountChanges(app, { ...options, limits: options.eventsLimits, heartbeat: options.eventsHeartbeat });
  mountV1Fallback(
    app,
    decisionRoutes.map((r) => r.path),
  );
  mountApps(app, options.appsDir);
  app.get("/", (c) => c.redirect("/admin-center/"));
  return app;
};

// createDecisionPoint: the organization's snapshot in a local Engine (the server's engine code), kept current by
// GET /v1/changes, answering check, checkMany, checkResources, explain and whatCan in-process, or remotely when not fresh.
import { isConsistencyToken } from "@gatehouse/contracts/check-inputs";
import { applyChange, askedActions, type Decision, type Engine, type Explanation } from "@gatehouse/domain";
import { type Backoff, backoffDelay } from "./backoff.ts";
import { type ChangeEvent, followOnce, type StreamEnd, type StreamEvent } from "./change-stream.ts";
import { BadQuestion, NotFresh, PositionNotReached, RemoteRefusal } from "./errors.ts";
import { Positions } from "./positions.ts";
import { checkedCheck, checkedMany, checkedResources, checkedWhatCan } from "./question-inputs.ts";
import type {
  CallOptions,
  CheckManyQuestion,
  CheckQuestion,
  CheckResourcesQuestion,
  ResourceDecisions,
  WhatCanQuestion,
} from "./questions.ts";
import { remote } from "./remote.ts";
import { loadSnapshot } from "./snapshot-load.ts";
import { transport } from "./transport.ts";

export interface DecisionPointOptions {
  /** The Gatehouse server, e.g. `https://gatehouse.example.com`. */
  readonly url: string;
  /** An API key of the organization (`gh_…`): the snapshot is that organization's. */
  readonly apiKey: string;
  /** When local answers are not fresh: ask the server (`"remote"`, the default) or throw NotFresh (`"none"`). */
  readonly fallback?: "remote" | "none";
  /** How long after losing the change stream local answers still count as fresh, in ms (default 5,000). */
  readonly maxStalenessMs?: number;
  /** How long a call with `atLeast` waits for that position before falling back or throwing, in ms (default 2,000). */
  readonly atLeastTimeoutMs?: number;
  /** The stream counts as lost when nothing arrives for this long, in ms (default 45,000: three server heartbeats). */
  readonly silenceMs?: number;
  /** Reconnection delays (default 100 ms doubling to 5 s, jittered). */
  readonly backoff?: Backoff;
  /** The fetch to use (default: the global one). */
  readonly fetch?: typeof fetch;
}

/** How current the local answers are. */
export interface Freshness {
  /** The organization of the loaded snapshot (undefined before the first load). */
  readonly org: string | undefined;
  /** The highest audit position applied (a consistency token compares with it). */
  readonly position: string;
  readonly loaded: boolean;
  /** Whether the change stream is open now (local answers follow it once its snapshot is loaded). */
  readonly connected: boolean;
  /** When anything last arrived on the stream (epoch ms; 0 before). */
  readonly lastEventAt: number;
  /**
   * Whether calls are answered locally now: loaded, and following the stream or lost for at most `maxStalenessMs`
   * (a silent stream counts as lost since it last said anything); never once the server refused the API key.
   */
  readonly fresh: boolean;
  /**
   * Why the last connection or load failed, if it did. A revoked key (the stream's `signed-out`, then 401 on
   * reconnecting) is a RemoteRefusal with code `UNAUTHORIZED`.
   */
  readonly lastError: Error | undefined;
}

export interface DecisionPoint {
  /** Resolves once the first snapshot is loaded (calls before that go to the server, or throw NotFresh). */
  readonly ready: () => Promise<void>;
  readonly check: (q: CheckQuestion, options?: CallOptions) => Promise<Decision>;
  readonly checkMany: (q: CheckManyQuestion, options?: CallOptions) => Promise<ReadonlyArray<Decision>>;
  readonly checkResources: (q: CheckResourcesQuestion, options?: CallOptions) => Promise<ResourceDecisions>;
  readonly explain: (q: CheckQuestion, options?: CallOptions) => Promise<Explanation>;
  readonly whatCan: (q: WhatCanQuestion, options?: CallOptions) => Promise<ReadonlyArray<string>>;
  /** A check answered synchronously from the local engine (the hot path); throws NotFresh when not fresh. */
  readonly checkNow: (q: CheckQuestion) => Decision;
  readonly freshness: () => Freshness;
  /** Stops following and ends the stream. */
  readonly close: () => void;
}

/** `lostAt` once the server refused the key: no grace, local answers stop at once. */
const refused = Number.NEGATIVE_INFINITY;

/** The server no longer takes the API key (revoked, its creator deactivated) or its right to the data. */
const refusesCredentials = (error: unknown): boolean =>
  error instanceof RemoteRefusal && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN");

const signedOut = () =>
  new RemoteRefusal(
    "UNAUTHORIZED",
    "The server signed this decision point out: its API key was revoked or no longer authenticates",
  );

/** Waits `ms`, or less when `signal` aborts (closing). */
const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });

/** Starts a decision point: it connects, loads the snapshot and follows the changes in the background. */
export const createDecisionPoint = (options: DecisionPointOptions): DecisionPoint => {
  const http = transport(options.url, options.apiKey, options.fetch);
  const server = remote(http);
  const fallback = options.fallback ?? "remote";
  const maxStaleness = options.maxStalenessMs ?? 5_000;
  const atLeastTimeout = options.atLeastTimeoutMs ?? 2_000;
  const positions = new Positions();
  const closing = new AbortController();

  let engine: Engine | undefined;
  let org: string | undefined;
  let connected = false;
  /** Local answers follow the open stream: its snapshot is loaded (false from the stream's end until the next load). */
  let following = false;
  /** When local answers stopped following the stream (`refused`: the server refused the key). */
  let lostAt = 0;
  let lastEventAt = 0;
  let lastError: Error | undefined;
  /** When a snapshot last loaded: a connection that loaded one starts the backoff over. */
  let loadedAt = 0;
  /** While a snapshot loads: the events that arrived meanwhile, applied to it once loaded. */
  let pending: Array<StreamEvent> | undefined;
  let loadAgain = false;
  let markReady: () => void = () => {};
  const readyOnce = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const isFresh = () => engine !== undefined && (following || Date.now() - lostAt <= maxStaleness);

  const failed = (error: unknown) => {
    lastError = error instanceof Error ? error : new Error(String(error));
    if (refusesCredentials(error)) {
      following = false;
      lostAt = refused;
    }
  };

  const applyChanges = (target: Engine, event: ChangeEvent): boolean => {
    for (const change of event.changes) {
      try {
        if (!applyChange(target, change)) return false;
      } catch {
        // A change that does not fit this snapshot (a partner subject it lacks): load it again.
        return false;
      }
    }
    return true;
  };

  /** Applies one event to the current engine; false asks for a reload. */
  const apply = (event: StreamEvent): boolean => {
    if (event.type === "change") {
      if (engine === undefined || !applyChanges(engine, event.event)) return false;
      if (event.event.part === event.event.parts) positions.mark(event.event.audit);
      return true;
    }
    if (event.type === "position") positions.mark(event.position);
    return event.type !== "reload";
  };

  /** Loads the snapshot for `connection`; its answers follow the stream once loaded, unless `ended` by then. */
  const load = (connection: AbortController, ended: () => boolean) => {
    if (pending !== undefined) {
      loadAgain = true;
      return;
    }
    pending = [];
    // Every token a caller waits for now was committed before it called, so before this load reads.
    const answerPresent = positions.present();
    loadSnapshot(http, connection.signal).then(
      (loaded) => {
        const heard = pending ?? [];
        pending = undefined;
        engine = loaded.engine;
        org = loaded.org;
        loadedAt = Date.now();
        if (!ended()) following = true;
        positions.loaded(loaded.newest, loaded.complete);
        markReady();
        let again = loadAgain;
        loadAgain = false;
        for (const event of heard) if (!apply(event)) again = true;
        answerPresent();
        if (again) load(connection, ended);
      },
      (error: unknown) => {
        pending = undefined;
        loadAgain = false;
        // A load the connection's end abandoned did not fail.
        if (!connection.signal.aborted) failed(error);
        connection.abort();
      },
    );
  };

  const follow = async () => {
    let attempt = 0;
    while (!closing.signal.aborted) {
      const connection = new AbortController();
      const stop = () => connection.abort();
      closing.signal.addEventListener("abort", stop, { once: true });
      const began = Date.now();
      let out = false;
      const ended = () => out || connection.signal.aborted;
      const onEvent = (event: StreamEvent) => {
        if (event.type === "ready") {
          connected = true;
          return load(connection, ended);
        }
        if (event.type === "signed-out") {
          // The key was revoked: stop answering from the snapshot at once (followOnce ends the connection).
          out = true;
          return failed(signedOut());
        }
        if (pending !== undefined) return void pending.push(event);
        if (!apply(event)) load(connection, ended);
      };
      let end: StreamEnd = "closed";
      try {
        end = await followOnce({
          transport: http,
          onEvent,
          onActivity: () => {
            lastEventAt = Date.now();
          },
          signal: connection.signal,
          silenceMs: options.silenceMs ?? 45_000,
        });
      } catch (error) {
        failed(error);
      }
      connection.abort();
      closing.signal.removeEventListener("abort", stop);
      // A silent stream was lost when it last said anything.
      if (following) lostAt = end === "silent" ? lastEventAt : Date.now();
      following = false;
      connected = false;
      // Only a connection that got as far as a snapshot starts over: one whose load is refused (429) backs off.
      if (loadedAt >= began) attempt = 0;
      await pause(backoffDelay(attempt++, options.backoff), closing.signal);
    }
  };
  void follow();

  /** The engine to answer from, or undefined to ask the server; waits for `atLeast` (bounded). */
  const localFor = async (call: CallOptions | undefined): Promise<Engine | undefined> => {
    const token = call?.atLeast;
    if (token !== undefined) {
      if (!isConsistencyToken(token)) throw new BadQuestion(`atLeast: "${token}" is not a consistency token`);
      if (!positions.covers(token) && !(fallback === "remote" && !isFresh())) {
        if (!(await positions.waitFor(token, atLeastTimeout))) {
          if (fallback === "remote") return undefined;
          throw new PositionNotReached(token, positions.position);
        }
      }
    }
    if (isFresh()) return engine;
    if (fallback === "remote") return undefined;
    throw new NotFresh(
      engine === undefined
        ? "The decision point has not loaded its snapshot yet"
        : lostAt === refused
          ? `The server refused the decision point's API key: ${lastError?.message}`
          : `The decision point lost its change stream more than ${maxStaleness} ms ago`,
    );
  };

  /** The resource, refused when it lies in another organization (the server answers NOT_FOUND alike). */
  const inOrg = <R extends { readonly org: string }>(resource: R): R => {
    if (resource.org !== org) throw new BadQuestion(`No organization "${resource.org}"`);
    return resource;
  };
  /**
   * A check as typed (the hot path checks nothing the engine does not): only a question the engine or `inOrg`
   * refuses is checked against the server's schema, so a malformed one is refused in the server's words.
   */
  const checkWith = (local: Engine, q: CheckQuestion): Decision => {
    try {
      return local.check(q.subject, q.action, inOrg(q.resource));
    } catch (error) {
      checkedCheck(q);
      throw error;
    }
  };

  /** checkResources locally: each resource's actions (else the question's), refused as the server refuses none. */
  const checkResourcesWith = (local: Engine, q: CheckResourcesQuestion): ResourceDecisions => {
    const asks = q.resources.map((r, i) => {
      const actions = askedActions(q, r);
      if (actions.length === 0)
        throw new BadQuestion(`resources.${i}.actions: name the actions to ask of this resource`);
      return { resource: inOrg(r.resource), actions };
    });
    return local.checkResources(q.subject, asks).map((decisions) => ({ decisions }));
  };

  /** Answers locally when it may (at once on the hot path: fresh, no token), else after `localFor`, or remotely. */
  const answer = <A>(
    call: CallOptions | undefined,
    local: (e: Engine) => A,
    far: () => Promise<A>,
  ): Promise<A> => {
    if (call?.atLeast === undefined && engine !== undefined && isFresh()) {
      try {
        return Promise.resolve(local(engine));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return localFor(call).then((e) => (e === undefined ? far() : local(e)));
  };

  /** Answers the question as `check` decoded it (a refusal rejects the call, as the server's 400 would). */
  const asking = <Q, A>(check: () => Q, answered: (q: Q) => Promise<A>): Promise<A> => {
    let q: Q;
    try {
      q = check();
    } catch (error) {
      return Promise.reject(error);
    }
    return answered(q);
  };

  return {
    ready: () => readyOnce,
    check: (q, call) =>
      answer(
        call,
        (e) => checkWith(e, q),
        () => server.check(q, call),
      ),
    checkMany: (asked, call) =>
      asking(
        () => checkedMany(asked),
        (q) =>
          answer(
            call,
            (e) => q.checks.map((c) => checkWith(e, { subject: q.subject, ...c })),
            () => server.checkMany(q, call),
          ),
      ),
    checkResources: (asked, call) =>
      asking(
        () => checkedResources(asked),
        (q) =>
          answer(
            call,
            (e) => checkResourcesWith(e, q),
            () => server.checkResources(q, call),
          ),
      ),
    explain: (asked, call) =>
      asking(
        () => checkedCheck(asked),
        (q) =>
          answer(
            call,
            (e) => e.explain(q.subject, q.action, inOrg(q.resource)),
            () => server.explain(q, call),
          ),
      ),
    whatCan: (asked, call) =>
      asking(
        () => checkedWhatCan(asked),
        (q) =>
          answer(
            call,
            (e) => e.whatCan(q.subject, inOrg(q.resource)),
            () => server.whatCan(q, call),
          ),
      ),
    checkNow: (q) => {
      const local = engine;
      if (local === undefined || !isFresh()) throw new NotFresh("Local answers are not fresh");
      return checkWith(local, q);
    },
    freshness: () => ({
      org,
      position: positions.position,
      loaded: engine !== undefined,
      connected,
      lastEventAt,
      fresh: isFresh(),
      lastError,
    }),
    close: () => closing.abort(),
  };
};

// `pnpm bench --api`: the API on loopback. A child process serves the real app with the fixture's engine and
// an API key per org; this process drives it with autocannon (checkMany with 100 checks per call, then single checks).
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { type LoadResult, load } from "./api-load.ts";
import { type ApiRequest, checkManyRequests, checkRequests, ownOrgQueries } from "./api-requests.ts";
import type { ServerReady } from "./api-server.ts";
import type { Fixture } from "./fixture.ts";
import type { Query } from "./queries.ts";

export interface ApiBenchOptions {
  readonly users: number;
  readonly projects: number;
  readonly seed: number;
  readonly seconds: number;
  readonly connections: number;
  /** Write the server's CPU profile (node --cpu-prof) into this folder. */
  readonly profileDir: string | undefined;
  readonly note: (text: string) => void;
}

export interface ApiLine {
  readonly bench: "api.checkMany" | "api.check";
  readonly opsPerSec: number;
  readonly checksPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

const CHECKS_PER_CALL = 100;
const CHECK_MANY_BODIES = 1000;
const CHECK_URLS = 50_000;
const WARMUP_SECONDS = 2;

const startServer = (options: ApiBenchOptions): Promise<{ child: ChildProcess; ready: ServerReady }> => {
  const profile =
    options.profileDir === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${options.profileDir}`];
  const child = fork(
    fileURLToPath(new URL("./api-server.ts", import.meta.url)),
    [
      "--users",
      String(options.users),
      "--projects",
      String(options.projects),
      "--seed",
      String(options.seed),
    ],
    { execArgv: ["--max-semi-space-size=64", ...profile, "--import", "tsx"] },
  );
  return new Promise((resolve, reject) => {
    child.once("message", (ready) => resolve({ child, ready: ready as ServerReady }));
    child.once("exit", (code) => reject(new Error(`the API bench server exited (${code}) before listening`)));
  });
};

/** Asks the server to exit normally (so a CPU profile gets written), killing it if it does not. */
const stopServer = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.send("stop");
  });

/** The server's CPU time so far, in µs. */
const serverCpu = (child: ChildProcess): Promise<number> =>
  new Promise((resolve) => {
    child.once("message", (m) => resolve((m as { cpuUs: number }).cpuUs));
    child.send("cpu");
  });

/** The header a product backend of `org` sends: its organization's API key. */
const keyOf =
  (ready: ServerReady) =>
  (org: string): string => {
    const key = ready.keys[org];
    if (key === undefined) throw new Error(`the API bench server made no API key for ${org}`);
    return `Bearer ${key}`;
  };

/** One request sent outside the load, to check the answers' shape and count the allows. */
const probe = async (ready: ServerReady, r: ApiRequest): Promise<ReadonlyArray<string>> => {
  const init: RequestInit = { method: r.method, headers: { authorization: keyOf(ready)(r.org) } };
  if (r.body !== undefined) {
    init.body = r.body;
    init.headers = { ...init.headers, "content-type": "application/json" };
  }
  const res = await fetch(`http://127.0.0.1:${ready.port}${r.path}`, init);
  if (res.headers.get("x-request-id") === null)
    throw new Error(`${r.path.slice(0, 40)} answered without x-request-id`);
  const body = (await res.json()) as { result?: { data: string | ReadonlyArray<string> } };
  if (res.status !== 200 || body.result === undefined)
    throw new Error(`${r.path.slice(0, 40)} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  const data = body.result.data;
  return typeof data === "string" ? [data] : data;
};

const allowedShare = async (ready: ServerReady, requests: ReadonlyArray<ApiRequest>): Promise<string> => {
  let allowed = 0;
  let total = 0;
  for (const r of requests.slice(0, 50)) {
    const answers = await probe(ready, r);
    total += answers.length;
    allowed += answers.filter((a) => a === "allow").length;
  }
  return `${allowed} of ${total} allowed`;
};

const measure = async (
  options: ApiBenchOptions,
  server: { child: ChildProcess; ready: ServerReady },
  name: ApiLine["bench"],
  requests: ReadonlyArray<ApiRequest>,
  checksPerCall: number,
): Promise<ApiLine> => {
  const { ready } = server;
  const authorization = keyOf(ready);
  options.note(`${name}: ${requests.length} distinct requests, probe ${await allowedShare(ready, requests)}`);
  await load(ready.port, requests, authorization, options.connections, WARMUP_SECONDS);
  const cpuBefore = await serverCpu(server.child);
  const r: LoadResult = await load(ready.port, requests, authorization, options.connections, options.seconds);
  const cpuPerRequest = ((await serverCpu(server.child)) - cpuBefore) / r.requests;
  options.note(
    `${name}: ${r.requests} requests in ${options.seconds} s over ${options.connections} connections; ` +
      `server CPU ${cpuPerRequest.toFixed(1)} µs per request (at most ${Math.round(1e6 / cpuPerRequest)}/s on one core)` +
      (r.failures > 0 ? `; WARNING: ${r.failures} failed (non-2xx, errors, timeouts)` : ""),
  );
  return {
    bench: name,
    opsPerSec: Math.round(r.requestsPerSec),
    checksPerSec: Math.round(r.requestsPerSec * checksPerCall),
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
  };
};

/** Runs both API measurements against a fresh server process and returns their lines. */
export const runApiBench = async (
  options: ApiBenchOptions,
  fx: Fixture,
  queries: ReadonlyArray<Query>,
): Promise<ApiLine[]> => {
  const own = ownOrgQueries(fx, queries);
  const many = checkManyRequests(own, CHECKS_PER_CALL, CHECK_MANY_BODIES);
  const single = checkRequests(own.slice(0, CHECK_URLS));
  const server = await startServer(options);
  const { child, ready } = server;
  options.note(
    `api: server on 127.0.0.1:${ready.port} (engine loaded in ${Math.round(ready.buildMs)} ms); ` +
      `${own.length} of ${queries.length} queries stay within one org (an API key's reach)`,
  );
  try {
    return [
      await measure(options, server, "api.checkMany", many, CHECKS_PER_CALL),
      await measure(options, server, "api.check", single, 1),
    ];
  } finally {
    await stopServer(child);
  }
};

/** One note per target of issue 3: at least 100,000 checks/s through checkMany; check ≥ 8,000 req/s, p99 ≤ 20 ms. */
export const apiVerdicts = (lines: ReadonlyArray<ApiLine>): string[] =>
  lines.map((l) =>
    l.bench === "api.checkMany"
      ? `target api.checkMany ≥ 100,000 checks/s: ${l.checksPerSec} (${l.checksPerSec >= 100_000 ? "met" : "NOT met"})`
      : `target api.check ≥ 8,000 req/s with p99 ≤ 20 ms: ${l.opsPerSec} req/s, p99 ${l.p99Ms} ms ` +
        `(${l.opsPerSec >= 8000 && l.p99Ms <= 20 ? "met" : "NOT met"})`,
  );

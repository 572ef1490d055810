// `pnpm bench --api`: the API on loopback. A child process serves the real app with the fixture's engine and
// an API key per org; this process drives it with autocannon: a plain Hono route, then each decision endpoint.
import { type ChildProcess, fork } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type LoadResult, load } from "./api-load.ts";
import {
  type ApiRequest,
  BASELINE_PATH,
  baselineRequests,
  checkManyRequests,
  checkRequests,
  checkResourcesRequests,
  checkTableRequests,
  decisionsIn,
  listPageRequests,
  ownOrgQueries,
  v1CheckRequests,
} from "./api-requests.ts";
import type { ServerReady } from "./api-server.ts";
import type { Fixture } from "./fixture.ts";
import { type CpuProfile, summarize } from "./profile-summary.ts";
import type { Query } from "./queries.ts";

export interface ApiBenchOptions {
  readonly users: number;
  readonly projects: number;
  readonly seed: number;
  readonly seconds: number;
  readonly connections: number;
  /** Write a CPU profile of the server's measured run of each endpoint, and its summary, into this folder. */
  readonly profileDir: string | undefined;
  /** Only these lines (the baseline always runs); all when undefined. */
  readonly lines?: ReadonlyArray<string> | undefined;
  readonly note: (text: string) => void;
}

/** What every API line carries; all but the baseline also carry their ratios to it (same server, same run). */
export interface ApiLine {
  readonly bench:
    | "api.baseline"
    | "api.check"
    | "api.checkMany"
    | "api.v1.check"
    | "api.v1.checkMany"
    | "api.v1.checkTable"
    | "api.v1.checkMany.1000"
    | "api.v1.checkTable.1000"
    | "api.v1.checkResources"
    | "api.v1.checkResources.listPage";
  readonly opsPerSec: number;
  readonly checksPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The server's CPU time (user + system) per request over the measured run. */
  readonly cpuUsPerRequest: number;
  /** Requests per second as a share of the baseline's around the line (`baselineOpsPerSec`). */
  readonly vsBaseline?: number;
  /** Checks per second as a multiple of the baseline's requests per second around the line (the batch endpoints). */
  readonly checksVsBaseline?: number;
  /** The baseline's requests per second around the line: the mean of a short run right before it and one right after. */
  readonly baselineOpsPerSec?: number;
}

/** How the answers of one endpoint read: the decisions in a tRPC or /v1 body, or the baseline's `{ ok: true }`. */
type Kind = "baseline" | "trpc" | "v1";

const CHECKS_PER_CALL = 100;
/** The batch endpoints' limit (contracts' MAX_CHECKS): the most a backend can ask in one call. */
const MOST_CHECKS_PER_CALL = 1000;
/** checkResources: 10 resources with up to 10 actions each (a product with fewer actions gives all it has). */
const RESOURCES_PER_CALL = 10;
const ACTIONS_PER_RESOURCE = 10;
const CHECK_MANY_BODIES = 1000;
const CHECK_URLS = 50_000;
const WARMUP_SECONDS = 2;

/**
 * The baseline runs again this long right before and right after each line, and the line's ratios divide by the
 * mean of the two: the machine's state drifts over a run of minutes (docs/benchmarks.md, "Current figures").
 */
const AROUND_SECONDS = 3;

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

/** What the server reports of itself, in µs: CPU time so far (of it, the kernel's), and its monotonic clock. */
interface ServerCpu {
  readonly cpuUs: number;
  readonly sysUs: number;
  readonly atUs: number;
}

/** The server's CPU time so far and its monotonic clock. */
const serverCpu = (child: ChildProcess): Promise<ServerCpu> =>
  new Promise((resolve) => {
    child.once("message", (m) => resolve(m as ServerCpu));
    child.send("cpu");
  });

/** Where one endpoint's measured run lies in the server's CPU profile (monotonic µs), and its requests. */
interface Window {
  readonly name: string;
  readonly fromUs: number;
  readonly toUs: number;
  readonly requests: number;
}

/**
 * Reads the server's CPU profile (node --cpu-prof, written as it exits) and writes, for each measured run,
 * `<name>.txt` (a summary by layer and function) and `<name>.folded` (collapsed stacks, for flame graph tools).
 */
const keepProfiles = (dir: string, pid: number | undefined, windows: ReadonlyArray<Window>): string[] => {
  const file = readdirSync(dir).find((f) => f.endsWith(".cpuprofile") && f.includes(`.${pid}.0.`));
  if (file === undefined) return [`no CPU profile of process ${pid} in ${dir}`];
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
  return windows.map((w) => {
    const { text, folded } = summarize(profile, w.requests, w);
    writeFileSync(join(dir, `${w.name}.txt`), `${w.name}: ${text}`);
    writeFileSync(join(dir, `${w.name}.folded`), folded);
    return `${w.name}: profile of the measured run summarized in ${join(dir, `${w.name}.txt`)}`;
  });
};

/** The header a product backend of `org` sends: its organization's API key. */
const keyOf =
  (ready: ServerReady) =>
  (org: string): string => {
    const key = ready.keys[org];
    if (key === undefined) throw new Error(`the API bench server made no API key for ${org}`);
    return `Bearer ${key}`;
  };

/** The decisions an answer carries: tRPC's `result.data`, /v1's `decision` or `decisions`; none for the baseline. */
const decisionsOf = (kind: Kind, body: Record<string, unknown>): ReadonlyArray<unknown> | undefined => {
  if (kind === "baseline") return body.ok === true ? [] : undefined;
  const data =
    kind === "trpc"
      ? (body.result as { data?: unknown } | undefined)?.data
      : (body.decision ??
        body.decisions ??
        (body.results as ReadonlyArray<{ decisions: unknown[] }> | undefined)?.flatMap((r) => r.decisions));
  if (data === undefined) return undefined;
  return Array.isArray(data) ? data : [data];
};

/** One request sent outside the load: its status, and the decisions in its answer (throws on a bad answer). */
const probe = async (
  ready: ServerReady,
  kind: Kind,
  r: ApiRequest,
): Promise<{ readonly status: number; readonly answers: ReadonlyArray<unknown> }> => {
  const init: RequestInit = { method: r.method, headers: { authorization: keyOf(ready)(r.org) } };
  if (r.body !== undefined) {
    init.body = r.body;
    init.headers = { ...init.headers, "content-type": "application/json" };
  }
  const res = await fetch(`http://127.0.0.1:${ready.port}${r.path}`, init);
  const text = await res.text();
  if (res.status === 404) return { status: 404, answers: [] };
  if (kind !== "baseline" && res.headers.get("x-request-id") === null)
    throw new Error(`${r.path.slice(0, 40)} answered without x-request-id`);
  const answers = res.status === 200 ? decisionsOf(kind, JSON.parse(text)) : undefined;
  if (answers === undefined)
    throw new Error(`${r.path.slice(0, 40)} answered ${res.status}: ${text.slice(0, 300)}`);
  return { status: res.status, answers };
};

/** Probes the first 50 requests: how many of their decisions allow, or that the route is missing (404). */
const allowedShare = async (
  ready: ServerReady,
  kind: Kind,
  requests: ReadonlyArray<ApiRequest>,
): Promise<string | "missing"> => {
  let allowed = 0;
  let total = 0;
  for (const r of requests.slice(0, 50)) {
    const { status, answers } = await probe(ready, kind, r);
    if (status === 404) return "missing";
    total += answers.length;
    allowed += answers.filter(
      (a) => a === "allow" || (a as { decision?: unknown })?.decision === "allow",
    ).length;
  }
  return `${allowed} of ${total} allowed`;
};

/** One endpoint's measurement before the ratios: its line's figures. */
type Measured = Omit<ApiLine, "vsBaseline" | "checksVsBaseline">;

/** Warms up, then loads one endpoint for the measured run; undefined when the route answers 404 (not served). */
const measure = async (
  options: ApiBenchOptions,
  windows: Window[],
  server: { child: ChildProcess; ready: ServerReady },
  name: ApiLine["bench"],
  kind: Kind,
  requests: ReadonlyArray<ApiRequest>,
  checksPerCall: number,
): Promise<Measured | undefined> => {
  const { ready } = server;
  const authorization = keyOf(ready);
  const share = await allowedShare(ready, kind, requests);
  if (share === "missing") {
    options.note(`${name}: SKIPPED, ${requests[0]?.method} ${requests[0]?.path} answers 404 on this server`);
    return undefined;
  }
  options.note(`${name}: ${requests.length} distinct requests, probe ${share}`);
  await load(ready.port, requests, authorization, options.connections, WARMUP_SECONDS);
  const before = await serverCpu(server.child);
  const r: LoadResult = await load(ready.port, requests, authorization, options.connections, options.seconds);
  const after = await serverCpu(server.child);
  const cpuPerRequest = (after.cpuUs - before.cpuUs) / r.requests;
  windows.push({ name, fromUs: before.atUs, toUs: after.atUs, requests: r.requests });
  options.note(
    `${name}: ${r.requests} requests in ${options.seconds} s over ${options.connections} connections; ` +
      `server CPU ${cpuPerRequest.toFixed(1)} µs per request, ${((after.sysUs - before.sysUs) / r.requests).toFixed(1)} of it ` +
      `in the kernel (at most ${Math.round(1e6 / cpuPerRequest)}/s on one core)` +
      (r.failures > 0 ? `; WARNING: ${r.failures} failed (non-2xx, errors, timeouts)` : ""),
  );
  return {
    bench: name,
    opsPerSec: Math.round(r.requestsPerSec),
    checksPerSec: Math.round(r.requestsPerSec * checksPerCall),
    p50Ms: r.p50Ms,
    p99Ms: r.p99Ms,
    cpuUsPerRequest: Math.round(cpuPerRequest),
  };
};

const ratio = (part: number, whole: number): number => Number((part / whole).toFixed(3));

/** A line with its ratios to the baseline's requests per second measured around it, in the same run. */
const versus = (m: Measured, baseline: number): ApiLine => ({
  ...m,
  vsBaseline: ratio(m.opsPerSec, baseline),
  ...(m.checksPerSec !== m.opsPerSec && { checksVsBaseline: ratio(m.checksPerSec, baseline) }),
  baselineOpsPerSec: Math.round(baseline),
});

/**
 * Runs the API measurements against one fresh server process, in one run: the plain Hono baseline, then
 * tRPC's authz.check and authz.checkMany, then POST /v1/check, /v1/check-many and /v1/check-resources (each skipped,
 * with a note, where the route is missing), each between two short runs of the baseline its ratios divide by.
 */
export const runApiBench = async (
  options: ApiBenchOptions,
  fx: Fixture,
  queries: ReadonlyArray<Query>,
): Promise<ApiLine[]> => {
  const own = ownOrgQueries(fx, queries);
  const many = checkManyRequests(own, CHECKS_PER_CALL, CHECK_MANY_BODIES);
  const v1Many = checkManyRequests(own, CHECKS_PER_CALL, CHECK_MANY_BODIES, "/v1/check-many");
  const table = checkTableRequests(own, CHECKS_PER_CALL, CHECK_MANY_BODIES);
  const v1ManyMost = checkManyRequests(own, MOST_CHECKS_PER_CALL, CHECK_MANY_BODIES, "/v1/check-many");
  const tableMost = checkTableRequests(own, MOST_CHECKS_PER_CALL, CHECK_MANY_BODIES);
  const perResource = checkResourcesRequests(
    own,
    RESOURCES_PER_CALL,
    ACTIONS_PER_RESOURCE,
    CHECK_MANY_BODIES,
  );
  // The load cycles through the bodies evenly, so their mean is the decisions per call.
  const listPage = listPageRequests(own, RESOURCES_PER_CALL, ACTIONS_PER_RESOURCE, CHECK_MANY_BODIES);
  const decisionsPerCall = (requests: ReadonlyArray<ApiRequest>) =>
    requests.reduce((n, r) => n + decisionsIn(r), 0) / requests.length;
  const single = own.slice(0, CHECK_URLS);
  const server = await startServer(options);
  const { child, ready } = server;
  const windows: Window[] = [];
  options.note(
    `api: server on 127.0.0.1:${ready.port} (engine loaded in ${Math.round(ready.buildMs)} ms); ` +
      `${own.length} of ${queries.length} queries stay within one org (an API key's reach)`,
  );
  try {
    // Every organization's key once, before any measured run: a key's first use looks it up in the store and
    // records its use, a one-off that would otherwise land in whichever run meets the key first.
    const firstOfEach = new Map(single.map((q) => [q.resource.org, q]));
    for (const r of checkRequests([...firstOfEach.values()])) await probe(ready, "trpc", r);
    const base = baselineRequests(fx.orgs.map((o) => o.id));
    const baseline = await measure(options, windows, server, "api.baseline", "baseline", base, 1);
    if (baseline === undefined) throw new Error(`the bench server does not serve ${BASELINE_PATH}`);
    const baselineNow = async (): Promise<number> =>
      (await load(ready.port, base, keyOf(ready), options.connections, AROUND_SECONDS)).requestsPerSec;
    const run = async (
      name: ApiLine["bench"],
      kind: Kind,
      requests: ReadonlyArray<ApiRequest>,
      checks = 1,
    ) => {
      if (options.lines !== undefined && !options.lines.includes(name)) return undefined;
      const before = await baselineNow();
      const m = await measure(options, windows, server, name, kind, requests, checks);
      if (m === undefined) return undefined;
      const after = await baselineNow();
      options.note(
        `${name}: the baseline right before it ${Math.round(before)} req/s, right after ${Math.round(after)}`,
      );
      return versus(m, (before + after) / 2);
    };
    const measured = [
      await run("api.check", "trpc", checkRequests(single)),
      await run("api.checkMany", "trpc", many, CHECKS_PER_CALL),
      await run("api.v1.check", "v1", v1CheckRequests(single)),
      await run("api.v1.checkMany", "v1", v1Many, CHECKS_PER_CALL),
      await run("api.v1.checkTable", "v1", table, CHECKS_PER_CALL),
      await run("api.v1.checkMany.1000", "v1", v1ManyMost, MOST_CHECKS_PER_CALL),
      await run("api.v1.checkTable.1000", "v1", tableMost, MOST_CHECKS_PER_CALL),
      await run("api.v1.checkResources", "v1", perResource, decisionsPerCall(perResource)),
      await run("api.v1.checkResources.listPage", "v1", listPage, decisionsPerCall(listPage)),
    ];
    return [baseline, ...measured.flatMap((m) => (m === undefined ? [] : [m]))];
  } finally {
    await stopServer(child);
    if (options.profileDir !== undefined)
      for (const line of keepProfiles(options.profileDir, child.pid, windows)) options.note(line);
  }
};

/** The batch target: checks per second at least 40 times the baseline's requests per second, in its fastest form. */
const batch = (what: string, l: ApiLine): [string, boolean] => [
  `check-many ≥ 40× the baseline's req/s in checks/s, ${what}: ${l.checksVsBaseline}×`,
  (l.checksVsBaseline ?? 0) >= 40,
];

/** The other batch lines, printed next to the target's for comparison: no verdict of their own. */
const compared = (what: string, l: ApiLine): string =>
  `for comparison, ${what}: ${l.checksVsBaseline}× the baseline's req/s in checks/s`;

/** The targets of issue 14, as ratios to the baseline of the same run; one note per line. */
const TARGETS: Partial<Record<ApiLine["bench"], (l: ApiLine) => [string, boolean] | string>> = {
  "api.check": (l) => [
    `tRPC authz.check ≥ 0.35 of the baseline's req/s: ${l.vsBaseline}`,
    (l.vsBaseline ?? 0) >= 0.35,
  ],
  "api.checkMany": (l) => compared("tRPC authz.checkMany, 100 checks per call", l),
  "api.v1.checkMany": (l) => compared("/v1/check-many, 100 checks per call", l),
  "api.v1.checkTable": (l) => compared("/v1/check-table, the same 100 checks per call as a table", l),
  "api.v1.checkMany.1000": (l) => compared("/v1/check-many, 1000 checks per call", l),
  "api.v1.checkTable.1000": (l) =>
    batch("through /v1/check-table, 1000 checks per call (the batch endpoints' most)", l),
  "api.v1.checkResources": (l) =>
    compared("/v1/check-resources, 10 resources × up to 10 actions per call", l),
  "api.v1.checkResources.listPage": (l) =>
    compared("/v1/check-resources as a list page, the same up to 10 actions of 10 resources", l),
  "api.v1.check": (l) => [
    `/v1/check ≥ 0.60 of the baseline's req/s with p99 ≤ 10 ms: ${l.vsBaseline}, p99 ${l.p99Ms} ms`,
    (l.vsBaseline ?? 0) >= 0.6 && l.p99Ms <= 10,
  ],
};

export const apiVerdicts = (lines: ReadonlyArray<ApiLine>): string[] =>
  lines.flatMap((l) => {
    const verdict = TARGETS[l.bench]?.(l);
    if (verdict === undefined) return [];
    return typeof verdict === "string"
      ? [verdict]
      : [`target ${verdict[0]} (${verdict[1] ? "met" : "NOT met"})`];
  });

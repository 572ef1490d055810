// `pnpm bench [--json] [--users N] [--projects N] [--no-casl] [--seconds S] [--api | --all | --sdk | --memory |
// --streams N]`: Gatehouse and CASL on one fixture, the API on loopback, the local decision point, the engine's memory
// by size, or N /events subscribers. One JSON line per measurement.
import { parseArgs } from "node:util";
import { type ApiLine, apiVerdicts, runApiBench } from "./api-bench.ts";
import { buildCasl, caslCheck, caslInput, caslResources, plainQuery } from "./casl-runner.ts";
import { generateFixture } from "./fixture.ts";
import { buildGatehouse, gatehouseCheck, gatehouseInput } from "./gatehouse-runner.ts";
import {
  alternatingThroughput,
  type Built,
  canCollect,
  latency,
  measureBuild,
  type Op,
  throughput,
} from "./measure.ts";
import { type MemoryLine, runMemoryBench } from "./memory-bench.ts";
import { generateQueries, type Query } from "./queries.ts";
import { type CheckLine, table, type UpdateLine, verdicts } from "./report.ts";
import { runSdkBench, type SdkLine, sdkVerdicts } from "./sdk-bench.ts";
import { runStreamsBench, type StreamsLine } from "./streams-bench.ts";
import { measureUpdates } from "./updates.ts";

const SEED = 20240611;
const QUERIES = 1 << 18;
/** Share of queries aimed inside one of the user's grants; tuned so about 15% are allowed. */
const OWN_SHARE = 0.25;
const LATENCY_SAMPLES = 200_000;
const UPDATES = 20_000;
/** Throughput slices per engine, alternated, in the --seconds budget of each. */
const SLICES = 6;
/** How long the measuring loop runs with each engine before either is measured. */
const WARM_MS = 500;

const { values } = parseArgs({
  options: {
    json: { type: "boolean", default: false },
    users: { type: "string", default: "100000" },
    projects: { type: "string", default: "10000" },
    "no-casl": { type: "boolean", default: false },
    seconds: { type: "string", default: "3" },
    /** The API benchmark only (opt-in); --all runs the engine benchmark and then the API one. */
    api: { type: "boolean", default: false },
    all: { type: "boolean", default: false },
    "api-seconds": { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    /** Folder for CPU profiles of the API server's measured runs, one per endpoint, with their summaries. */
    "api-profile": { type: "string" },
    /** Only these API lines (comma-separated, e.g. api.v1.check), after the baseline, which always runs. */
    "api-lines": { type: "string" },
    /** The SDK benchmark only: in-process checks through the SDK and change-to-visible latency. */
    sdk: { type: "boolean", default: false },
    /** The engine's heap at several fixture sizes (users, comma-separated with --sizes). */
    memory: { type: "boolean", default: false },
    sizes: { type: "string", default: "10000,30000,100000,300000" },
    /** Open this many /events streams to a server process and measure the fan-out of changes. */
    streams: { type: "string" },
    changes: { type: "string", default: "20" },
    /** Which stream --streams opens: /events (default) or the SDK's /v1/changes. */
    "stream-path": { type: "string", default: "/events" },
  },
});
const count = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, not ${text}`);
  return n;
};
const users = Math.floor(count("users", values.users));
const projects = Math.floor(count("projects", values.projects));
const budgetMs = count("seconds", values.seconds) * 1000;
const json = values.json;

const note = (text: string): void => {
  (json ? process.stderr : process.stdout).write(`${text}\n`);
};
const emit = <T extends CheckLine | UpdateLine | ApiLine | SdkLine | MemoryLine | StreamsLine>(
  line: T,
): T => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
  return line;
};
const round = (n: number, digits: number): number => Number(n.toFixed(digits));
const pct = (part: number, whole: number): string => `${((100 * part) / whole).toFixed(2)}%`;

/** Every query's answer, one pass (which also warms the check path up). */
const decisions = (n: number, op: Op): Uint8Array => {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = op(i) ? 1 : 0;
  return out;
};

// The SDK benchmark needs no generated fixture: it runs over the demo world's snapshot, and alone.
if (values.sdk) {
  const lines = await runSdkBench({ seconds: budgetMs / 1000, note });
  for (const line of lines) emit(line);
  for (const v of sdkVerdicts(lines)) note(v);
  process.exit(0);
}
if (values.memory) {
  const sizes = values.sizes.split(",").map((n) => Math.floor(count("sizes", n)));
  for (const line of runMemoryBench(sizes, SEED, note)) emit(line);
  process.exit(0);
}
if (values.streams !== undefined) {
  const streams = Math.floor(count("streams", values.streams));
  const changes = Math.floor(count("changes", values.changes));
  const path = values["stream-path"];
  if (path !== "/events" && path !== "/v1/changes")
    throw new Error(`--stream-path is /events or /v1/changes, not ${path}`);
  emit(await runStreamsBench({ streams, changes, path, note }));
  process.exit(0);
}

const fixtureStart = performance.now();
const fx = generateFixture(users, projects, SEED);
const queries = generateQueries(fx, QUERIES, OWN_SHARE, SEED + 1);
note(
  `fixture: ${fx.users.length} users, ${fx.orgs.length} orgs, ${fx.projectCount} projects ` +
    `(3 environments each), ${fx.grants.length} grants, ${queries.length} queries ` +
    `(${Math.round(performance.now() - fixtureStart)} ms to generate)`,
);

/** The engine benchmark: Gatehouse (and CASL unless --no-casl) answering the queries in this process. */
const engineBench = (): void => {
  if (!canCollect()) note("warning: run node with --expose-gc; heap figures include garbage without it");
  const checkLine = (engine: CheckLine["engine"], opsPerSec: number, op: Op, built: Built<unknown>) => {
    // Untimed first, as each throughput slice: the other engine has just emptied the caches.
    throughput(queries.length, op, WARM_MS);
    const lat = latency(queries.length, op, LATENCY_SAMPLES, budgetMs);
    note(`${engine}: latency percentiles over ${lat.samples} individually timed checks`);
    return emit({
      bench: "engine.check",
      engine,
      users,
      projects: fx.projectCount,
      grants: fx.grants.length,
      opsPerSec: Math.round(opsPerSec),
      p50Ns: Math.round(lat.p50Ns),
      p99Ns: Math.round(lat.p99Ns),
      buildMs: round(built.buildMs, 1),
      heapMB: round(built.heapMB, 1),
    });
  };

  const gh = measureBuild(() => gatehouseInput(fx), buildGatehouse);
  const ghCheck = gatehouseCheck(gh.value, queries);
  const ghAnswers = decisions(queries.length, ghCheck);
  const allowed = ghAnswers.reduce((n, a) => n + a, 0);
  note(`allowed: ${allowed} of ${queries.length} queries (${pct(allowed, queries.length)})`);

  const updates = measureUpdates(gh.value, fx, UPDATES, budgetMs);
  const updateLine: UpdateLine = {
    bench: "engine.update",
    engine: "gatehouse",
    p50Us: round(updates.p50Us, 2),
    p99Us: round(updates.p99Us, 2),
  };

  let casl: { readonly check: Op; readonly built: Built<unknown> } | undefined;
  if (!values["no-casl"]) {
    note("building CASL abilities (slow)...");
    const catalog = gh.value.snapshot.catalog;
    const resources = caslResources(queries);
    const built = measureBuild(() => caslInput(fx, catalog), buildCasl);
    const check = caslCheck(built.value, queries, resources);
    const answers = decisions(queries.length, check);
    const plain = plainQuery(catalog);
    let same = 0;
    let plainCount = 0;
    let plainSame = 0;
    for (let i = 0; i < queries.length; i++) {
      const agree = answers[i] === ghAnswers[i];
      if (agree) same++;
      if (!plain(queries[i] as Query)) continue;
      plainCount++;
      if (agree) plainSame++;
    }
    note(
      `agreement: CASL and Gatehouse agree on ${same} of ${queries.length} queries (${pct(same, queries.length)}); ` +
        `on the ${plainCount} without granular or conditional actions: ${plainSame} (${pct(plainSame, plainCount)})`,
    );
    casl = { check, built };
  }

  // Both engines built, their throughput in alternating slices through one loop (see alternatingThroughput): load
  // that comes and goes during the run moves both alike.
  const [ghRate, caslRate] = alternatingThroughput(
    queries.length,
    casl ? [ghCheck, casl.check] : [ghCheck],
    budgetMs,
    SLICES,
    WARM_MS,
  );
  const ghLine = checkLine("gatehouse", ghRate as number, ghCheck, gh);
  emit(updateLine);
  note(
    `updates: ${updates.samples} timed ops; add p99 ${updates.addP99Us.toFixed(2)} µs, ` +
      `remove p99 ${updates.removeP99Us.toFixed(2)} µs`,
  );
  const caslLine = casl && checkLine("casl", caslRate as number, casl.check, casl.built);

  const verdictList = verdicts(ghLine, updateLine, caslLine);
  const missed = verdictList
    .filter((v) => v.met === false)
    .map((v) => `${v.name} ${v.value} (target ${v.target})`);
  note(missed.length === 0 ? "targets: all met" : `targets missed: ${missed.join("; ")}`);
  if (!json) note(`\n${table(caslLine ? [ghLine, caslLine] : [ghLine], updateLine, verdictList)}`);
};

const apiBench = async (): Promise<void> => {
  const lines = await runApiBench(
    {
      users,
      projects,
      seed: SEED,
      seconds: count("api-seconds", values["api-seconds"]),
      connections: Math.floor(count("connections", values.connections)),
      profileDir: values["api-profile"],
      lines: values["api-lines"]?.split(",").map((l) => l.trim()),
      note,
    },
    fx,
    queries,
  );
  for (const line of lines) emit(line);
  for (const v of apiVerdicts(lines)) note(v);
};

if (!values.api || values.all) engineBench();
if (values.api || values.all) await apiBench();

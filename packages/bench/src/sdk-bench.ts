// `pnpm bench --sdk`: the local decision point against a real server (a child process on loopback). In-process
// checks through the SDK vs the bare engine loaded from the same snapshot, and change-to-visible latency.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Engine, loadRow, products, type Resource, type SnapshotRow } from "@gatehouse/domain";
import { createDecisionPoint, type DecisionPoint } from "@gatehouse/sdk";
import { alternatingThroughput, latency, type Op, percentile } from "./measure.ts";
import type { SdkServerReady } from "./sdk-server.ts";

export interface SdkCheckLine {
  readonly bench: "sdk.check" | "sdk.check.engine" | "sdk.checkAsync";
  readonly questions: number;
  readonly opsPerSec: number;
  /** Per-check latency (not measured for checkAsync, whose checks are awaited one by one). */
  readonly p50Ns?: number;
  readonly p99Ns?: number;
  /** This line's checks/s over the bare engine's, in the same run. */
  readonly vsEngine: number;
}

export interface SdkVisibleLine {
  readonly bench: "sdk.visible";
  readonly changes: number;
  /** From sending the write to the SDK's answer changing. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** From sending the write to the API's answer (the write itself, which the visible time includes). */
  readonly writeP50Ms: number;
  readonly writeP99Ms: number;
  /** How long after the API answered the SDK's answer changed (0 when it changed first). */
  readonly afterAnswerP99Ms: number;
}

/** One line of the SDK benchmark. */
export type SdkLine = SdkCheckLine | SdkVisibleLine;

export interface SdkBenchOptions {
  readonly seconds: number;
  readonly note: (text: string) => void;
}

/** The count of changes; each waits at most this long to become visible. */
const CHANGES = 200;
const VISIBLE_TIMEOUT_MS = 5_000;
const LATENCY_SAMPLES = 200_000;
/** How long the measuring loop runs with each side before either is measured (see `alternatingThroughput`). */
const WARM_MS = 300;
/** Throughput slices per side, alternated, in the --seconds budget of each side. */
const SLICES = 6;

interface Question {
  readonly subject: string;
  readonly action: string;
  readonly resource: Resource;
}

const startServer = (): Promise<{ child: ChildProcess; ready: SdkServerReady }> => {
  const child = fork(fileURLToPath(new URL("./sdk-server.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
  });
  return new Promise((resolve, reject) => {
    child.once("message", (ready) => resolve({ child, ready: ready as SdkServerReady }));
    child.once("exit", (code) => reject(new Error(`the SDK bench server exited (${code})`)));
  });
};

/** The snapshot's rows as the SDK reads them, for the bare engine and the questions. */
const snapshotRows = async (url: string, key: string): Promise<ReadonlyArray<SnapshotRow>> => {
  const res = await fetch(`${url}/v1/snapshot`, { headers: { authorization: `Bearer ${key}` } });
  const lines = (await res.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { type: string });
  return lines.filter(
    (l) => l.type !== "snapshot" && l.type !== "end",
  ) as unknown as ReadonlyArray<SnapshotRow>;
};

/** Every user of acme × every action of each product its grants' scopes name, at each grant's scope. */
const questionsOf = (rows: ReadonlyArray<SnapshotRow>): ReadonlyArray<Question> => {
  const users = rows.flatMap((r) => (r.type === "user" && r.org === "acme" ? [r.id] : []));
  const scopes = rows.flatMap((r) => (r.type === "grant" ? [r.grant.scope] : []));
  const out: Array<Question> = [];
  for (const subject of users)
    for (const scope of scopes) {
      const product = products.find((p) => p.id === scope.product);
      for (const action of (product?.actions ?? []).slice(0, 6))
        out.push({ subject, action: action.id, resource: { ...scope } });
    }
  return out;
};

const signIn = async (url: string, email: string) => {
  const res = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "gatehouse-demo" }),
  });
  const cookie = (res.headers.getSetCookie().find((c) => c.startsWith("gatehouse_session=")) ?? "").split(
    ";",
  )[0];
  const { result } = (await res.json()) as { result: { data: { csrfToken: string } } };
  return { cookie: cookie ?? "", "x-csrf-token": result.data.csrfToken, "content-type": "application/json" };
};

/** Polls the SDK's answer on every turn of the event loop until it is `wanted` (bounded); ms taken, or NaN. */
const visibleAfter = (point: DecisionPoint, q: Question, wanted: string, since: number): Promise<number> =>
  new Promise((resolve) => {
    const poll = () => {
      const waited = performance.now() - since;
      if (point.checkNow(q) === wanted) return resolve(waited);
      if (waited > VISIBLE_TIMEOUT_MS) return resolve(Number.NaN);
      setImmediate(poll);
    };
    poll();
  });

/** 200 changes through the API (a grant given, then removed, …): the time until the SDK's answer flips. */
const changeToVisible = async (url: string, point: DecisionPoint): Promise<SdkVisibleLine> => {
  const headers = await signIn(url, "admin@acme.example");
  const scope = { org: "acme", product: "cms", instance: "acme-cms" };
  const q: Question = { subject: "demo-customeruser", action: "cms:edit-view.access", resource: scope };
  const times: Array<number> = [];
  const writes: Array<number> = [];
  const after: Array<number> = [];
  let grant: string | undefined;
  for (let i = 0; i < CHANGES; i++) {
    const start = performance.now();
    const giving = grant === undefined;
    const body = giving
      ? { subject: { kind: "user", id: q.subject }, role: "cms:content-editors", scope }
      : { id: grant, version: 1 };
    const visible = visibleAfter(point, q, giving ? "allow" : "deny", start);
    const res = await fetch(`${url}/trpc/grants.${giving ? "create" : "remove"}`, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as { result?: { data: { id: string } } };
    if (!res.ok) throw new Error(`grants write failed (${res.status})`);
    grant = giving ? answer.result?.data.id : undefined;
    const answered = performance.now() - start;
    const seen = await visible;
    if (Number.isNaN(seen)) continue;
    times.push(seen);
    writes.push(answered);
    after.push(Math.max(0, seen - answered));
  }
  const sorted = (values: Array<number>) => Float64Array.from(values).sort();
  const round = (n: number) => Number(n.toFixed(2));
  const visible = sorted(times);
  return {
    bench: "sdk.visible",
    changes: visible.length,
    p50Ms: round(percentile(visible, 0.5)),
    p99Ms: round(percentile(visible, 0.99)),
    maxMs: round(visible.at(-1) ?? Number.NaN),
    writeP50Ms: round(percentile(sorted(writes), 0.5)),
    writeP99Ms: round(percentile(sorted(writes), 0.99)),
    afterAnswerP99Ms: round(percentile(sorted(after), 0.99)),
  };
};

/** Checks/s of awaiting `check` one at a time, for about `budgetMs`. */
const asyncThroughput = async (point: DecisionPoint, qs: ReadonlyArray<Question>, budgetMs: number) => {
  let ops = 0;
  const start = performance.now();
  while (performance.now() - start < budgetMs)
    for (let k = 0; k < 4096; k++) {
      await point.check(qs[ops % qs.length] as Question);
      ops++;
    }
  return ops / ((performance.now() - start) / 1000);
};

export const runSdkBench = async (
  options: SdkBenchOptions,
): Promise<ReadonlyArray<SdkCheckLine | SdkVisibleLine>> => {
  const { child, ready } = await startServer();
  const url = `http://127.0.0.1:${ready.port}`;
  const point = createDecisionPoint({ url, apiKey: ready.key, fallback: "none" });
  try {
    await point.ready();
    const rows = await snapshotRows(url, ready.key);
    const engine = new Engine();
    engine.snapshot.batch(() => {
      for (const row of rows) loadRow(engine.snapshot, row);
    });
    const qs = questionsOf(rows);
    const budgetMs = options.seconds * 1000;
    const bare: Op = (i) => {
      const q = qs[i] as Question;
      return engine.check(q.subject, q.action, q.resource) === "allow";
    };
    const sdk: Op = (i) => point.checkNow(qs[i] as Question) === "allow";
    for (let i = 0; i < qs.length; i++)
      if (bare(i) !== sdk(i)) throw new Error(`the SDK and the engine disagree on question ${i}`);
    const [bareRate, sdkRate] = alternatingThroughput(qs.length, [bare, sdk], budgetMs, SLICES, WARM_MS);
    const e = { opsPerSec: bareRate as number, lat: latency(qs.length, bare, LATENCY_SAMPLES, budgetMs) };
    const s = { opsPerSec: sdkRate as number, lat: latency(qs.length, sdk, LATENCY_SAMPLES, budgetMs) };
    const asyncOps = await asyncThroughput(point, qs, budgetMs);
    options.note(
      `sdk: ${qs.length} questions over acme's snapshot (${rows.length} rows); the engine and the SDK agree on all`,
    );
    const line = (
      bench: SdkCheckLine["bench"],
      m: { opsPerSec: number; lat?: { p50Ns: number; p99Ns: number } },
    ): SdkCheckLine => ({
      bench,
      questions: qs.length,
      opsPerSec: Math.round(m.opsPerSec),
      ...(m.lat && { p50Ns: Math.round(m.lat.p50Ns), p99Ns: Math.round(m.lat.p99Ns) }),
      vsEngine: Number((m.opsPerSec / e.opsPerSec).toFixed(3)),
    });
    const lines: Array<SdkCheckLine | SdkVisibleLine> = [
      line("sdk.check.engine", e),
      line("sdk.check", s),
      line("sdk.checkAsync", { opsPerSec: asyncOps }),
    ];
    // The loops above never yielded to I/O: let pooled sockets the server closed meanwhile be noticed first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    lines.push(await changeToVisible(url, point));
    return lines;
  } finally {
    point.close();
    child.send("stop");
  }
};

/** The SDK's targets, as notes. */
export const sdkVerdicts = (lines: ReadonlyArray<SdkCheckLine | SdkVisibleLine>): ReadonlyArray<string> =>
  lines.flatMap((l) => {
    if (l.bench === "sdk.check")
      return [`sdk.check: ${(100 * l.vsEngine).toFixed(1)}% of the bare engine (target >= 90%)`];
    if (l.bench === "sdk.visible")
      return [`sdk.visible: p99 ${l.p99Ms} ms over ${l.changes} changes (target <= 100 ms)`];
    return [];
  });

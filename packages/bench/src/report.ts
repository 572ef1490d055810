// The benchmark's output: the JSON lines of the issue, a readable table, and the targets Gatehouse is held to.
// Pure formatting; nothing here measures.

export interface CheckLine {
  readonly bench: "engine.check";
  readonly engine: "gatehouse" | "casl";
  readonly users: number;
  readonly projects: number;
  readonly grants: number;
  readonly opsPerSec: number;
  readonly p50Ns: number;
  readonly p99Ns: number;
  readonly buildMs: number;
  readonly heapMB: number;
}

export interface UpdateLine {
  readonly bench: "engine.update";
  readonly engine: "gatehouse";
  readonly p50Us: number;
  readonly p99Us: number;
}

export const TARGETS = {
  opsPerSec: 2_000_000,
  p99Ns: 2_000,
  heapMB: 150,
  buildMs: 1_000,
  updateP99Us: 50,
  speedup: 10,
} as const;

interface Verdict {
  readonly name: string;
  readonly value: string;
  readonly target: string;
  readonly met: boolean | undefined;
}

const int = (n: number): string => Math.round(n).toLocaleString("en-US");

/** Gatehouse against each target; the CASL ratio is unknown (undefined) without a CASL run. */
export const verdicts = (gh: CheckLine, update: UpdateLine, casl: CheckLine | undefined): Verdict[] => {
  const speedup = casl === undefined ? undefined : gh.opsPerSec / casl.opsPerSec;
  return [
    {
      name: "checks/s",
      value: int(gh.opsPerSec),
      target: `>= ${int(TARGETS.opsPerSec)}`,
      met: gh.opsPerSec >= TARGETS.opsPerSec,
    },
    {
      name: "check p99",
      value: `${int(gh.p99Ns)} ns`,
      target: "<= 2,000 ns",
      met: gh.p99Ns <= TARGETS.p99Ns,
    },
    {
      name: "heap",
      value: `${gh.heapMB} MB`,
      target: `<= ${TARGETS.heapMB} MB`,
      met: gh.heapMB <= TARGETS.heapMB,
    },
    {
      name: "build",
      value: `${int(gh.buildMs)} ms`,
      target: "<= 1,000 ms",
      met: gh.buildMs <= TARGETS.buildMs,
    },
    {
      name: "update p99",
      value: `${update.p99Us} µs`,
      target: `<= ${TARGETS.updateP99Us} µs`,
      met: update.p99Us <= TARGETS.updateP99Us,
    },
    {
      name: "vs CASL",
      value: speedup === undefined ? "not run" : `${speedup.toFixed(1)}x`,
      target: `>= ${TARGETS.speedup}x`,
      met: speedup === undefined ? undefined : speedup >= TARGETS.speedup,
    },
  ];
};

const pad = (rows: ReadonlyArray<ReadonlyArray<string>>): string => {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
};

/** The readable table: both engines side by side, then Gatehouse against its targets. */
export const table = (
  lines: ReadonlyArray<CheckLine>,
  update: UpdateLine,
  verdictList: Verdict[],
): string => {
  const header = [
    "engine",
    "users",
    "projects",
    "grants",
    "checks/s",
    "p50 ns",
    "p99 ns",
    "build ms",
    "heap MB",
  ];
  const rows = lines.map((l) => [
    l.engine,
    int(l.users),
    int(l.projects),
    int(l.grants),
    int(l.opsPerSec),
    int(l.p50Ns),
    int(l.p99Ns),
    int(l.buildMs),
    String(l.heapMB),
  ]);
  const targets = verdictList.map((v) => [
    v.name,
    v.value,
    v.target,
    v.met === undefined ? "-" : v.met ? "met" : "MISSED",
  ]);
  return [
    pad([header, ...rows]),
    "",
    `single-grant update: p50 ${update.p50Us} µs, p99 ${update.p99Us} µs`,
    "",
    pad([["gatehouse", "measured", "target", ""], ...targets]),
  ].join("\n");
};

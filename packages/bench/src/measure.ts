// Measurement primitives: throughput without per-op timers, per-op latency with the timer's own cost
// subtracted, and the time and retained heap of a build. Every loop stops at a time budget.

/** One operation on query `i`; its answer only keeps the call honest. */
export type Op = (i: number) => boolean;

const CHUNK = 4096;

/** Operations per second over queries 0..n-1, cycled for about `budgetMs`; the clock is read per chunk. */
export const throughput = (n: number, op: Op, budgetMs: number): number => {
  let ops = 0;
  let i = 0;
  const start = performance.now();
  const deadline = start + budgetMs;
  do {
    for (let k = 0; k < CHUNK; k++) {
      op(i);
      i = i + 1 === n ? 0 : i + 1;
    }
    ops += CHUNK;
  } while (performance.now() < deadline);
  return ops / ((performance.now() - start) / 1000);
};

/** Raw per-op durations in ns (timer included), up to `samples` ops or `budgetMs`, whichever comes first. */
const timeEach = (n: number, op: Op, samples: number, budgetMs: number): Float64Array => {
  const out = new Float64Array(samples);
  const deadline = performance.now() + budgetMs;
  let taken = 0;
  while (taken < samples) {
    const end = Math.min(samples, taken + CHUNK);
    for (; taken < end; taken++) {
      const t0 = process.hrtime.bigint();
      op(taken % n);
      out[taken] = Number(process.hrtime.bigint() - t0);
    }
    if (performance.now() > deadline) break;
  }
  return out.subarray(0, taken);
};

/** The value below which a share `q` of the sorted samples fall. */
export const percentile = (sorted: Float64Array, q: number): number =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);

const empty: Op = () => false;

/** The cost of reading the timer around a call: the median duration of timing an empty function. */
export const timerOverheadNs = (): number => {
  const raw = timeEach(1, empty, 100_000, 1000).sort();
  return percentile(raw, 0.5);
};

export interface Latency {
  readonly p50Ns: number;
  readonly p99Ns: number;
  readonly samples: number;
}

/** p50 and p99 of single operations, the timer overhead (calibrated just before) subtracted. */
export const latency = (n: number, op: Op, samples: number, budgetMs: number): Latency => {
  const overhead = timerOverheadNs();
  const raw = timeEach(n, op, samples, budgetMs);
  const net = raw.map((d) => Math.max(0, d - overhead)).sort();
  return { p50Ns: percentile(net, 0.5), p99Ns: percentile(net, 0.99), samples: net.length };
};

/** Whether node runs with --expose-gc; without it heap figures include garbage. */
export const canCollect = (): boolean => typeof globalThis.gc === "function";

/** JS heap plus typed-array backing stores (which live outside the JS heap), after a full collection. */
const heapUsed = (): number => {
  globalThis.gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

export interface Built<T> {
  readonly value: T;
  /** Time to load prepared inputs into the engine. */
  readonly buildMs: number;
  /** Heap retained by inputs and build together: heapUsed after minus before, each after a full collection. */
  readonly heapMB: number;
}

const timedBuild = <I, T>(prepare: () => I, build: (input: I) => T) => {
  const input = prepare();
  const start = performance.now();
  const value = build(input);
  return { value, buildMs: performance.now() - start };
};

/** Prepares inputs (untimed), builds from them (timed), and counts what survives once the inputs are dropped. */
export const measureBuild = <I, T>(prepare: () => I, build: (input: I) => T): Built<T> => {
  const before = heapUsed();
  const { value, buildMs } = timedBuild(prepare, build);
  const heapMB = (heapUsed() - before) / 2 ** 20;
  return { value, buildMs, heapMB };
};

/** The middle value (the upper of the two middle ones for an even count), as `compare` and the SDK bench take it. */
export const median = (values: ReadonlyArray<number>): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] as number;

/**
 * Operations per second of each of `ops` through one measuring loop: it first runs `warmMs` with each, so that every op
 * is measured through the same call site; then `slices` alternating slices share `budgetMs` per op, and each op's
 * figure is its median slice, so a noisy moment moves one slice, not one side. Each slice first runs a fifth of its
 * length untimed: the op before it has emptied the caches, and a slice measures an op at its steady state, not while
 * it refills them.
 */
export const alternatingThroughput = (
  n: number,
  ops: ReadonlyArray<Op>,
  budgetMs: number,
  slices: number,
  warmMs: number,
): number[] => {
  for (const op of ops) throughput(n, op, warmMs);
  const rates = ops.map((): number[] => []);
  const sliceMs = budgetMs / slices;
  for (let k = 0; k < slices; k++)
    ops.forEach((op, j) => {
      throughput(n, op, sliceMs / 5);
      rates[j]?.push(throughput(n, op, sliceMs));
    });
  return rates.map(median);
};

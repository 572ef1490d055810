// Single-grant updates on a built engine: add one project grant, then remove it, each timed on its own.
// The engine ends as it started; inputs are prepared before the clock runs.
import type { Engine, GrantInput } from "@gatehouse/domain";
import type { Fixture, Org } from "./fixture.ts";
import { percentile, timerOverheadNs } from "./measure.ts";
import { below, mulberry32, pick } from "./random.ts";

export interface UpdateLatency {
  readonly p50Us: number;
  readonly p99Us: number;
  readonly addP99Us: number;
  readonly removeP99Us: number;
  /** Timed operations: adds plus removes. */
  readonly samples: number;
}

const ROLES = ["experimentation:viewer", "experimentation:editor", "experimentation:publisher"];

const inputs = (fx: Fixture, count: number, seed: number): GrantInput[] => {
  const random = mulberry32(seed);
  return Array.from({ length: count }, (_, k) => {
    const u = below(random, fx.users.length);
    const org = fx.orgs[fx.userOrg[u] as number] as Org;
    const project = pick(random, org.projects);
    return {
      id: `update${k}`,
      subject: fx.users[u] as string,
      scope: project.scope,
      role: pick(random, ROLES),
    };
  });
};

const toSortedUs = (ns: Float64Array, overhead: number): Float64Array =>
  ns.map((d) => Math.max(0, d - overhead) / 1000).sort();

export const measureUpdates = (
  engine: Engine,
  fx: Fixture,
  count: number,
  budgetMs: number,
): UpdateLatency => {
  const snap = engine.snapshot;
  const list = inputs(fx, count, fx.seed + 2);
  const adds = new Float64Array(count);
  const removes = new Float64Array(count);
  const overhead = timerOverheadNs();
  const deadline = performance.now() + budgetMs;
  let done = 0;
  while (done < count) {
    const input = list[done] as GrantInput;
    const t0 = process.hrtime.bigint();
    snap.addGrant(input);
    const t1 = process.hrtime.bigint();
    snap.removeGrant(input.id);
    const t2 = process.hrtime.bigint();
    adds[done] = Number(t1 - t0);
    removes[done] = Number(t2 - t1);
    done++;
    if ((done & 1023) === 0 && performance.now() > deadline) break;
  }
  const add = toSortedUs(adds.subarray(0, done), overhead);
  const remove = toSortedUs(removes.subarray(0, done), overhead);
  const all = new Float64Array([...add, ...remove]).sort();
  return {
    p50Us: percentile(all, 0.5),
    p99Us: percentile(all, 0.99),
    addP99Us: percentile(add, 0.99),
    removeP99Us: percentile(remove, 0.99),
    samples: all.length,
  };
};

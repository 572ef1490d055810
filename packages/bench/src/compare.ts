// `pnpm --filter @gatehouse/bench compare --baseline DIR`: this checkout's engine against DIR's (another checkout),
// built from one fixture in one process, every answer compared, throughput in alternating slices (robust to load).
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { Engine } from "@gatehouse/domain";
import { generateFixture } from "./fixture.ts";
import { buildGatehouse, gatehouseCheck, gatehouseInput } from "./gatehouse-runner.ts";
import { median, throughput } from "./measure.ts";
import { generateQueries } from "./queries.ts";

const SEED = 20240611;
const { values } = parseArgs({
  options: {
    baseline: { type: "string" },
    slices: { type: "string", default: "12" },
    "slice-ms": { type: "string", default: "1000" },
  },
});
if (values.baseline === undefined)
  throw new Error("--baseline DIR (another checkout of this repository) is required");
const slices = Number(values.slices);
const sliceMs = Number(values["slice-ms"]);

const { Engine: BaselineEngine } = (await import(
  resolve(values.baseline, "packages/domain/src/index.ts")
)) as {
  Engine: new () => Engine;
};
const fx = generateFixture(100_000, 10_000, SEED);
const queries = generateQueries(fx, 1 << 18, 0.25, SEED + 1);
const input = gatehouseInput(fx);
const timed = (engine: Engine): [Engine, number] => {
  const start = performance.now();
  buildGatehouse(input, engine);
  return [engine, performance.now() - start];
};
const [baseEngine, baseMs] = timed(new BaselineEngine());
const [thisEngine, thisMs] = timed(new Engine());
const base = gatehouseCheck(baseEngine, queries);
const mine = gatehouseCheck(thisEngine, queries);
let differ = 0;
for (let i = 0; i < queries.length; i++) if (base(i) !== mine(i)) differ++;

const baseRates: number[] = [];
const thisRates: number[] = [];
for (let s = 0; s < slices; s++) {
  baseRates.push(Math.round(throughput(queries.length, base, sliceMs)));
  thisRates.push(Math.round(throughput(queries.length, mine, sliceMs)));
}
process.stdout.write(
  `${JSON.stringify({
    bench: "engine.compare",
    differingAnswers: differ,
    baselineBuildMs: Math.round(baseMs),
    buildMs: Math.round(thisMs),
    baselineOpsPerSec: median(baseRates),
    opsPerSec: median(thisRates),
    medianSliceRatio: Number(median(thisRates.map((r, i) => r / (baseRates[i] as number))).toFixed(2)),
    slices: { baseline: baseRates, this: thisRates },
  })}\n`,
);

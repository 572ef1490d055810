// Engine checks over the benchmark's fixture for a cache simulator (valgrind's callgrind): builds untimed, then
// runs a warm-up and a measured batch of checks, each started when its file appears in --signal DIR (see cachegrind.sh),
// and exits only once `exit` appears there.
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateFixture } from "./fixture.ts";
import { buildGatehouse, gatehouseCheck, gatehouseInput } from "./gatehouse-runner.ts";
import { generateQueries } from "./queries.ts";

const SEED = 20240611;
const POLL_MS = 100;
const { values } = parseArgs({
  options: {
    users: { type: "string", default: "100000" },
    warmup: { type: "string", default: "262144" },
    checks: { type: "string", default: "200000" },
    signal: { type: "string" },
  },
});
const signal = values.signal;
if (signal === undefined) throw new Error("--signal DIR is required");
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Waits for `name` to appear in the signal directory, then runs `count` checks from query `from`, then says so. */
const phase = (name: string, check: (i: number) => boolean, from: number, count: number, n: number) => {
  writeFileSync(join(signal, `${name}.ready`), "");
  while (!existsSync(join(signal, name))) Atomics.wait(sleeper, 0, 0, POLL_MS);
  let allowed = 0;
  for (let k = 0; k < count; k++) if (check((from + k) % n)) allowed++;
  writeFileSync(join(signal, `${name}.done`), `${allowed}\n`);
};

const fx = generateFixture(Number(values.users), 10_000, SEED);
const queries = generateQueries(fx, 1 << 18, 0.25, SEED + 1);
const check = gatehouseCheck(buildGatehouse(gatehouseInput(fx)), queries);
const warmup = Number(values.warmup);
phase("warm", check, 0, warmup, queries.length);
phase("measure", check, warmup, Number(values.checks), queries.length);
// Stay until the simulator has dumped its counters: exiting first would add the exit's work to them.
while (!existsSync(join(signal, "exit"))) Atomics.wait(sleeper, 0, 0, POLL_MS);

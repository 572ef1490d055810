// `pnpm bench --memory`: the engine's heap at a few fixture sizes, split into what users and what grants cost, and
// what one node of four hash partitions holds; each figure is the heap after a full collection (node --expose-gc).
import { partitionOf } from "@gatehouse/store";
import { generateFixture } from "./fixture.ts";
import { buildGatehouse, type GatehouseInput, gatehouseInput } from "./gatehouse-runner.ts";
import { canCollect, measureBuild } from "./measure.ts";

export interface MemoryLine {
  readonly bench: "memory.engine";
  readonly users: number;
  readonly grants: number;
  /** The whole engine: users and grants. */
  readonly heapMB: number;
  /** The same users without a grant. */
  readonly usersOnlyMB: number;
  readonly bytesPerUser: number;
  /** (heapMB − usersOnlyMB) per grant. */
  readonly bytesPerGrant: number;
  /** One node of four hash partitions (GATEHOUSE_PARTITION=0/4): its users, grants and heap. */
  readonly partitionUsers: number;
  readonly partitionGrants: number;
  readonly partitionHeapMB: number;
}

const MB = 2 ** 20;
const round = (n: number, digits: number): number => Number(n.toFixed(digits));

/** The users and grants of the organizations in partition 0 of `count`. */
const partitionInput = (input: GatehouseInput, count: number): GatehouseInput => {
  const users = input.users.filter(([, org]) => partitionOf(org, count) === 0);
  const held = new Set(users.map(([id]) => id));
  return { users, grants: input.grants.filter((g) => held.has(g.subject)) };
};

/** Measures the engine at `users` users (projects one tenth of that, as the default fixture). */
const measureAt = (users: number, seed: number): MemoryLine => {
  const fx = generateFixture(users, Math.max(1, Math.floor(users / 10)), seed);
  const usersOnly = measureBuild(() => ({ ...gatehouseInput(fx), grants: [] }), buildGatehouse);
  const usersOnlyMB = usersOnly.heapMB;
  const full = measureBuild(() => gatehouseInput(fx), buildGatehouse);
  const grants = full.value.snapshot.grants.size + full.value.snapshot.setAside.size;
  const part = measureBuild(() => partitionInput(gatehouseInput(fx), 4), buildGatehouse);
  return {
    bench: "memory.engine",
    users,
    grants,
    heapMB: round(full.heapMB, 1),
    usersOnlyMB: round(usersOnlyMB, 1),
    bytesPerUser: Math.round((usersOnlyMB * MB) / users),
    bytesPerGrant: Math.round(((full.heapMB - usersOnlyMB) * MB) / grants),
    partitionUsers: part.value.snapshot.subjects.size,
    partitionGrants: part.value.snapshot.grants.size + part.value.snapshot.setAside.size,
    partitionHeapMB: round(part.heapMB, 1),
  };
};

/** One line per size; `note` says how to read them. */
export const runMemoryBench = (
  sizes: ReadonlyArray<number>,
  seed: number,
  note: (text: string) => void,
): MemoryLine[] => {
  if (!canCollect()) throw new Error("--memory needs node --expose-gc (pnpm bench runs node with it)");
  note("memory: heap after a full collection; usersOnlyMB is the same users without grants");
  return sizes.map((users) => measureAt(users, seed));
};

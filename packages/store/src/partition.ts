// Which organizations this node holds: all of them (the default), an explicit list (GATEHOUSE_ORGS) or one hash
// partition (GATEHOUSE_PARTITION=i/n). The engine loads, and EngineSync applies, only what these organizations need.
import { createHash } from "node:crypto";
import { Context } from "effect";

export type Partition =
  | { readonly kind: "all" }
  | { readonly kind: "orgs"; readonly orgs: ReadonlySet<string> }
  /** Index `index` (0 ≤ index < count) of `count` partitions by `partitionOf`. */
  | { readonly kind: "hash"; readonly index: number; readonly count: number };

export const everyOrganization: Partition = { kind: "all" };

/**
 * The partition (0…count−1) organization `org` falls in: the first four bytes of SHA-256 of its id (UTF-8), read
 * as a big-endian unsigned integer, modulo `count`. Any router can compute it; it never changes for an id.
 */
export const partitionOf = (org: string, count: number): number =>
  createHash("sha256").update(org, "utf8").digest().readUInt32BE(0) % count;

/** Does this node hold organization `org`? Decided by the id alone, whether or not the organization exists. */
export const holds = (partition: Partition, org: string): boolean => {
  if (partition.kind === "all") return true;
  if (partition.kind === "orgs") return partition.orgs.has(org);
  return partitionOf(org, partition.count) === partition.index;
};

/** The partition in words, for the startup log and refusals. */
export const describePartition = (partition: Partition): string => {
  if (partition.kind === "all") return "every organization";
  if (partition.kind === "orgs") return `organizations ${[...partition.orgs].join(", ")}`;
  return `hash partition ${partition.index}/${partition.count}`;
};

const orgIdPattern = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The partition the environment asks for: GATEHOUSE_ORGS (comma-separated organization ids) or
 * GATEHOUSE_PARTITION (`i/n`, 0 ≤ i < n), not both; neither is every organization. Throws naming the problem.
 */
export const partitionFromEnv = (env: Readonly<Record<string, string | undefined>>): Partition => {
  const list = env.GATEHOUSE_ORGS?.trim() ?? "";
  const hash = env.GATEHOUSE_PARTITION?.trim() ?? "";
  if (list !== "" && hash !== "")
    throw new Error("Set GATEHOUSE_ORGS or GATEHOUSE_PARTITION, not both: a node holds one partition");
  if (list !== "") {
    const orgs = list.split(",").map((org) => org.trim());
    const bad = orgs.find((org) => !orgIdPattern.test(org));
    if (bad !== undefined)
      throw new Error(
        `GATEHOUSE_ORGS must be organization ids separated by commas (lower-case letters, digits, dashes): "${bad}" is not one`,
      );
    return { kind: "orgs", orgs: new Set(orgs) };
  }
  if (hash !== "") {
    const match = /^(\d{1,4})\/(\d{1,4})$/.exec(hash);
    const index = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (match === null || count < 1 || index >= count)
      throw new Error(
        `GATEHOUSE_PARTITION must be "i/n" with 0 ≤ i < n (this node holds partition i of n), not "${hash}"`,
      );
    return { kind: "hash", index, count };
  }
  return everyOrganization;
};

/** The organizations this process holds; every organization unless the server provides another partition. */
export const NodePartition: Context.Reference<Partition> = Context.Reference(
  "@gatehouse/store/NodePartition",
  {
    defaultValue: (): Partition => everyOrganization,
  },
);

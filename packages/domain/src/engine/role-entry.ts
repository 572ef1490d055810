// A role compiled for the engine: its actions as a bitset, its conditions by action bit, what it counts as.
// System and custom roles compile to the same shape, so the check path never asks which kind it holds.
import type { Condition } from "../catalog/condition.ts";
import type { ScopeLevel } from "../catalog/types.ts";
import type { RoleId } from "../model/ids.ts";

export interface RoleEntry {
  readonly index: number;
  readonly id: RoleId;
  readonly product: string;
  readonly label: string;
  readonly description: string;
  readonly system: boolean;
  readonly bits: Uint32Array;
  /** Conditions by action bit; an action absent here is unconditioned. */
  readonly conditions: ReadonlyMap<number, Condition>;
  /** Role indices this role counts as: itself and every role it implies. */
  readonly countsAs: ReadonlySet<number>;
  readonly levels: ReadonlyArray<ScopeLevel> | undefined;
  /** True for the synthetic role behind a single-permission grant. */
  readonly single: boolean;
}

export const roleHas = (role: RoleEntry, bit: number): boolean =>
  ((role.bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;

export const setBit = (bits: Uint32Array, bit: number): void => {
  bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
};

/** Environment and flag roles: granted only at an environment or a flag. */
export const isEntityRole = (role: RoleEntry): boolean =>
  role.levels?.every((l) => l === "environment" || l === "flag") === true;

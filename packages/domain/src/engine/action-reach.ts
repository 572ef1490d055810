// Which actions a role could ever help allow, as two ints: actions fall in 64 groups, a role reaches a group when it may
// allow one of its actions, and a subject none of whose roles reaches an action's group is denied it before anything else.
import type { ActionEntry, ActionRef } from "./compiled-catalog.ts";
import type { RoleEntry } from "./role-entry.ts";

/** How many ints a reach takes: a group's bit is bit `group & 31` of int `group >>> 5`. */
export const REACH_INTS = 2;
const REACH_GROUPS = 32 * REACH_INTS;

/**
 * Whether a grant of `role` can count towards allowing `entry` by any rule: the role holds the action (the generic
 * rule, single permissions); the action is on one of Feature's layers and the role is of its product (those are
 * decided through a project role and its default entity roles); or the role counts as a term of one of the action's
 * conjunctions. A superset of what the rules allow, never less: a role that reaches nothing of a group allows none of it.
 */
export const mayAllow = (
  role: RoleEntry,
  entry: ActionEntry,
  holds: (role: number, bit: number) => boolean,
): boolean => {
  if (holds(role.index, entry.bit) || (entry.layer !== undefined && entry.product === role.product))
    return true;
  for (const clause of entry.conjunctions)
    for (const term of clause) for (const r of term) if (role.countsAs.has(r)) return true;
  return false;
};

/**
 * Writes the groups `role` reaches into `into` (REACH_INTS ints from `at`): those of every entry it may allow,
 * `entries[i]` being in group `groupOf[i]`.
 */
export const writeReach = (
  role: RoleEntry,
  entries: ReadonlyArray<ActionEntry>,
  groupOf: Int32Array,
  holds: (role: number, bit: number) => boolean,
  into: Int32Array,
  at: number,
): void => {
  into.fill(0, at, at + REACH_INTS);
  entries.forEach((e, i) => {
    const g = groupOf[i] as number;
    if (mayAllow(role, e, holds)) into[at + (g >>> 5)] = (into[at + (g >>> 5)] as number) | (1 << (g & 31));
  });
};

/**
 * One group (below REACH_GROUPS) per action of `refs`: actions that exactly the same of `roles` may allow share a group (no subject
 * could tell them apart), then the two groups whose sets of roles differ least are merged, until REACH_GROUPS remain.
 * Any grouping keeps decisions exact (a group is reached when any of its actions is); this one keeps the most checks
 * deniable from the reach alone.
 */
export const groupActions = (
  refs: ReadonlyArray<ActionRef>,
  roles: ReadonlyArray<RoleEntry>,
  reaches: (role: RoleEntry, ref: ActionRef) => boolean,
): ReadonlyArray<number> => {
  const words = Math.ceil(roles.length / 32);
  const bySignature = new Map<string, Group>();
  refs.forEach((ref, i) => {
    const reachedBy = new Uint32Array(words);
    roles.forEach((role, r) => {
      if (reaches(role, ref)) reachedBy[r >>> 5] = (reachedBy[r >>> 5] as number) | (1 << (r & 31));
    });
    const key = reachedBy.join(",");
    const group = bySignature.get(key) ?? { roles: reachedBy, refs: [] };
    group.refs.push(i);
    bySignature.set(key, group);
  });
  const groups = [...bySignature.values()];
  while (groups.length > REACH_GROUPS) {
    let [a, b, least] = [0, 1, Number.POSITIVE_INFINITY];
    groups.forEach((x, i) => {
      for (let j = i + 1; j < groups.length; j++) {
        const d = difference(x.roles, (groups[j] as Group).roles);
        if (d < least) [a, b, least] = [i, j, d];
      }
    });
    const [into, from] = [groups[a] as Group, groups[b] as Group];
    for (let w = 0; w < words; w++) into.roles[w] = (into.roles[w] as number) | (from.roles[w] as number);
    into.refs.push(...from.refs);
    groups.splice(b, 1);
  }
  const groupOf = new Array<number>(refs.length).fill(0);
  groups.forEach((group, g) => {
    for (const i of group.refs) groupOf[i] = g;
  });
  return groupOf;
};

/** Actions (by position) and the roles (a bitset by position) that may allow any of them. */
interface Group {
  readonly roles: Uint32Array;
  readonly refs: number[];
}

/** How many roles are in one set and not the other (sets as bitsets). */
const difference = (x: Uint32Array, y: Uint32Array): number => {
  let d = 0;
  for (let w = 0; w < x.length; w++) {
    let v = ((x[w] as number) ^ (y[w] as number)) >>> 0;
    for (; v !== 0; v &= v - 1) d++;
  }
  return d;
};

// Everything one decision reads: the snapshot and Feature policy, the question (subject, action, resource, time,
// trace) and the subject's gathered grants; rules take this one argument, and read grants through the helpers below.
import type { Resource, ResourceAttributes } from "../model/resource.ts";
import type { ActionEntry, ActionRef } from "./compiled-catalog.ts";
import type { PermissionProbe } from "./condition-eval.ts";
import type { FeaturePolicy } from "./feature-policy.ts";
import { GatheredGrants } from "./gathered-grants.ts";
import { countsAt, type Grant } from "./grant-entry.ts";
import {
  summaryConditional,
  summaryDepth,
  summaryHash,
  summaryOrdinal,
  summaryRole,
} from "./grant-summary.ts";
import { newPath, PATH_LENGTH, type Path, readPath, segmentCovers } from "./resource-path.ts";
import type { RoleEntry } from "./role-entry.ts";
import type { Snapshot } from "./snapshot.ts";
import type { Trace } from "./trace.ts";

export class DecisionContext {
  /** The subject's CheckIndex slot. */
  slot = -1;
  /** The action asked about (set by `ask`), and its variant for the resource (set by `decide`). */
  ref!: ActionRef;
  entry!: ActionEntry;
  resource!: Resource;
  /** The subject belongs to groups: the first read of its slot, made by `about` (see `Engine.allows`). */
  inGroups = false;
  /** Epoch ms; 0 reads the clock, and only when a grant expires. */
  now = 0;
  /** Set by explain so the rules record what they found; null on the check path, which records nothing. */
  trace: Trace | null = null;
  /** The resource's path segments, read by `gather`. */
  readonly path: Path = newPath();
  readonly grants = new GatheredGrants();
  /**
   * Set by `decideEach` while it decides several actions on one resource: the subject's flags, the path and the grants
   * were read for all of them. Any new question (`ask`, `about`) clears it.
   */
  sameResource = false;
  /** The `HoldsPermission` probe over this context, made once by the first rule that needs it (see `probeOf`). */
  probe: PermissionProbe | undefined = undefined;

  constructor(
    readonly snap: Snapshot,
    readonly policy: FeaturePolicy,
  ) {}

  /** Poses "may the subject in `slot` do `ref` on `resource` at `now`?"; `decide` answers it. */
  ask(slot: number, ref: ActionRef, resource: Resource, now: number, trace: Trace | null): this {
    this.ref = ref;
    return this.about(slot, resource, now, trace);
  }

  /** Points the context at the subject in `slot` and `resource`, for rules outside a decision (assign). */
  about(slot: number, resource: Resource, now: number, trace: Trace | null = null): this {
    this.sameResource = false;
    this.slot = slot;
    this.inGroups = this.snap.index.inGroups(slot);
    this.resource = resource;
    this.now = now;
    this.trace = trace;
    return this;
  }

  /** Reads the resource's path and gathers the subject's grants: what the rules read from then on. */
  gather(): this {
    readPath(this.resource, this.path);
    return this.gatherGrants();
  }

  /** Gathers the subject's grants for the path read already (`decide` reads it with `readResourcePath`). */
  gatherGrants(): this {
    this.grants.gather(this.snap.index, this.slot, this.path);
    return this;
  }

  get attrs(): ResourceAttributes | undefined {
    return this.resource.attrs;
  }
}

/** The catalog index of the role of gathered grant `b` (an offset into `cx.grants.data`). */
export const roleIndexAt = (cx: DecisionContext, b: number): number => summaryRole(cx.grants.data, b);

/** True when gathered grant `b`'s role holds action bit `bit` (read without the role object). */
export const holdsAt = (cx: DecisionContext, b: number, bit: number): boolean =>
  cx.snap.catalog.roleHolds(roleIndexAt(cx, b), bit);

/** The role of gathered grant `b`. */
export const roleAt = (cx: DecisionContext, b: number): RoleEntry =>
  cx.snap.catalog.roleList[roleIndexAt(cx, b)] as RoleEntry;

export const depthAt = (cx: DecisionContext, b: number): number => summaryDepth(cx.grants.data, b);

/** The Grant object behind gathered grant `b`, for traces and the rare checks a summary cannot answer. */
export const grantAt = (cx: DecisionContext, b: number): Grant =>
  cx.snap.grantTable[summaryOrdinal(cx.grants.data, b)] as Grant;

/** True when grant `b`'s scope and the path agree from the org down to `depth` (see `segmentCovers`). */
export const sharesPathTo = (cx: DecisionContext, b: number, depth: number): boolean => {
  const segments = cx.snap.grantSegments;
  const at = summaryOrdinal(cx.grants.data, b) * PATH_LENGTH;
  const path = cx.path;
  for (let d = depth; d >= 0; d--) {
    const held = segments[at + d];
    if (held !== path[d] && !segmentCovers(held, path[d], d)) return false;
  }
  return true;
};

/** True when grant `b` covers the path: filter hashes agree, then every segment is compared. */
export const coversPath = (cx: DecisionContext, b: number): boolean => {
  const data = cx.grants.data;
  const d = summaryDepth(data, b);
  return cx.grants.pathHash(d) === summaryHash(data, b) && sharesPathTo(cx, b, d);
};

/** True when grant `b` counts at `cx.now`, wherever it is (see `countsAt`). */
export const inForceAt = (cx: DecisionContext, b: number): boolean =>
  !summaryConditional(cx.grants.data, b) || countsAt(cx.snap, grantAt(cx, b), cx.now);

/** True when grant `b` covers the path and counts. */
export const usable = (cx: DecisionContext, b: number): boolean => coversPath(cx, b) && inForceAt(cx, b);

// The decision for Feature Experimentation actions: ruleset actions use the environment role capped by
// the flag role, flag actions the flag role, the rest the project role; an explicit entity grant beats the default.
import type { ResourceAttributes } from "../model/resource.ts";
import { GRANT_INTS } from "./check-index.ts";
import type { ActionEntry } from "./compiled-catalog.ts";
import { conditionsHold, decideGeneric } from "./decide-generic.ts";
import type { FeaturePolicy } from "./feature-policy.ts";
import type { Grant } from "./grant-entry.ts";
import { depthAt, type GrantView, grantAt, inForce, roleAt, usable } from "./grant-view.ts";
import type { Path } from "./resource-path.ts";
import { type RoleEntry, roleHas } from "./role-entry.ts";
import type { Snapshot } from "./snapshot.ts";
import { Closeness, type Trace } from "./trace.ts";

const PROJECT = 3;
const ENVIRONMENT = 4;
const FLAG = 5;

export const decideFeature = (
  snap: Snapshot,
  policy: FeaturePolicy,
  v: GrantView,
  entry: ActionEntry,
  attrs: ResourceAttributes | undefined,
  path: Path,
  now: number,
  trace: Trace | null,
): boolean => {
  if (entry.layer === "project") return decideProjectLayer(snap, policy, v, entry, attrs, path, now, trace);
  if (v.singles && singlePermissionAllows(snap, v, entry, attrs, path, now, trace)) return true;

  const at = bestProjectRole(snap, policy, v, path, now);
  if (at < 0) {
    trace?.miss(undefined, "no role on this project", {}, Closeness.NoGrant);
    return false;
  }
  const projectRole = roleAt(snap, v, at);
  const locked = policy.isLocked(projectRole);
  // Grant objects are fetched only when a trace needs them: the check path stays on the packed view.
  const project = trace ? grantAt(snap, v, at) : undefined;
  const deciding: Grant[] = project ? [project] : [];

  if (entry.layer === "ruleset" || entry.layer === "environment") {
    const explicit = locked ? -1 : bestEntityGrant(snap, policy, v, path, ENVIRONMENT, now);
    let envRole: RoleEntry;
    if (explicit >= 0) {
      envRole = roleAt(snap, v, explicit);
      if (trace) deciding.push(grantAt(snap, v, explicit));
    } else if (policy.dependsOnProduction(projectRole)) {
      const production = attrs?.production;
      if (production === undefined) {
        trace?.miss(project, `the resource does not carry the attribute "production" (fails closed)`, {
          attribute: "production",
          condition: `the default environment role of ${projectRole.id} depends on production`,
        });
        return false;
      }
      envRole = policy.defaultEnvironment(projectRole, production);
    } else envRole = policy.defaultEnvironment(projectRole, false);
    const envAt = explicit >= 0 ? explicit : at;
    if (!roleHas(envRole, entry.bit)) {
      trace?.miss(grantAt(snap, v, envAt), `environment role ${envRole.id} does not include ${entry.id}`);
      return false;
    }
    if (!conditionsHoldAt(snap, v, envAt, entry, envRole, attrs, path, now, trace)) return false;
  }

  if (entry.layer === "ruleset" || entry.layer === "flag") {
    const explicit = locked ? -1 : bestEntityGrant(snap, policy, v, path, FLAG, now);
    const flagRole = explicit >= 0 ? roleAt(snap, v, explicit) : policy.defaultFlag(projectRole);
    const flagAt = explicit >= 0 ? explicit : at;
    if (explicit >= 0 && trace) deciding.push(grantAt(snap, v, explicit));
    if (entry.layer === "ruleset" && !policy.flagAllowsRulesetChanges(flagRole)) {
      trace?.miss(
        grantAt(snap, v, flagAt),
        `flag role ${flagRole.id} does not allow changing the flag's rules`,
      );
      return false;
    }
    if (entry.layer === "flag") {
      if (!roleHas(flagRole, entry.bit)) {
        trace?.miss(grantAt(snap, v, flagAt), `flag role ${flagRole.id} does not include ${entry.id}`);
        return false;
      }
      if (!conditionsHoldAt(snap, v, flagAt, entry, flagRole, attrs, path, now, trace)) return false;
    }
  }
  trace?.decide(deciding);
  return true;
};

/** `conditionsHold` for the grant at view offset `b`, fetching its Grant object only when needed. */
const conditionsHoldAt = (
  snap: Snapshot,
  v: GrantView,
  b: number,
  entry: ActionEntry,
  role: RoleEntry,
  attrs: ResourceAttributes | undefined,
  path: Path,
  now: number,
  trace: Trace | null,
): boolean =>
  (role.conditions.size === 0 && entry.condition === undefined) ||
  conditionsHold(snap, v, entry, grantAt(snap, v, b), role, attrs, path, now, trace);

/** Project-layer actions: the generic rule, plus flag and audience creation for environment editors. */
const decideProjectLayer = (
  snap: Snapshot,
  policy: FeaturePolicy,
  v: GrantView,
  entry: ActionEntry,
  attrs: ResourceAttributes | undefined,
  path: Path,
  now: number,
  trace: Trace | null,
): boolean => {
  if (decideGeneric(snap, v, entry, attrs, path, now, trace)) return true;
  if (!policy.openToEnvEditors.has(entry.id) || path[PROJECT] === undefined) return false;
  const at = bestProjectRole(snap, policy, v, path, now);
  if (at < 0) return false;
  for (let b = 0; b < v.end; b += GRANT_INTS) {
    if (depthAt(v, b) !== ENVIRONMENT || !policy.envEditors.has(roleAt(snap, v, b).index)) continue;
    if (!sameProject(snap, v, b, path) || !inForce(snap, v, b, now)) continue;
    trace?.decide([grantAt(snap, v, at), grantAt(snap, v, b)]);
    return true;
  }
  return false;
};

/** The grant at view offset `b` lies in the path's project. */
const sameProject = (snap: Snapshot, v: GrantView, b: number, path: Path): boolean => {
  const at = (v.data[b + 2] as number) * 6;
  for (let d = PROJECT; d >= 0; d--) if (snap.grantSegments[at + d] !== path[d]) return false;
  return true;
};

/** An extra single permission for this very action allows it on any layer (its conditions still apply). */
const singlePermissionAllows = (
  snap: Snapshot,
  v: GrantView,
  entry: ActionEntry,
  attrs: ResourceAttributes | undefined,
  path: Path,
  now: number,
  trace: Trace | null,
): boolean => {
  for (let b = 0; b < v.end; b += GRANT_INTS) {
    const role = roleAt(snap, v, b);
    if (!role.single || !roleHas(role, entry.bit) || !usable(snap, v, b, path, now)) continue;
    if (conditionsHold(snap, v, entry, grantAt(snap, v, b), role, attrs, path, now, trace)) {
      trace?.decide([grantAt(snap, v, b)]);
      return true;
    }
  }
  return false;
};

/** View offset of the widest usable Feature project role covering the path, or -1. */
export const bestProjectRole = (
  snap: Snapshot,
  policy: FeaturePolicy,
  v: GrantView,
  path: Path,
  now: number,
): number => {
  let best = -1;
  let bestRank = Number.POSITIVE_INFINITY;
  for (let b = 0; b < v.end; b += GRANT_INTS) {
    const rank = policy.projectRankOf(roleAt(snap, v, b));
    if (rank < 0 || rank >= bestRank || !usable(snap, v, b, path, now)) continue;
    best = b;
    bestRank = rank;
  }
  return best;
};

/** View offset of the widest usable entity grant made exactly at the resource's environment or flag, or -1. */
const bestEntityGrant = (
  snap: Snapshot,
  policy: FeaturePolicy,
  v: GrantView,
  path: Path,
  depth: typeof ENVIRONMENT | typeof FLAG,
  now: number,
): number => {
  if (path[depth] === undefined) return -1;
  let best = -1;
  let bestRank = Number.POSITIVE_INFINITY;
  for (let b = 0; b < v.end; b += GRANT_INTS) {
    if (depthAt(v, b) !== depth) continue;
    const role = roleAt(snap, v, b);
    const rank = depth === ENVIRONMENT ? policy.envRankOf(role) : policy.flagRankOf(role);
    if (rank < 0 || rank >= bestRank || !usable(snap, v, b, path, now)) continue;
    best = b;
    bestRank = rank;
  }
  return best;
};

// The decision for Feature Experimentation actions: ruleset actions use the environment role capped by
// the flag role, flag actions the flag role, the rest the project role; an explicit entity grant beats the default.
import { conditionsHoldAt, decideGeneric, oneGrantAllows } from "./decide-generic.ts";
import {
  type DecisionContext,
  depthAt,
  grantAt,
  inForceAt,
  roleAt,
  roleIndexAt,
  sharesPathTo,
  usable,
} from "./decision-context.ts";
import type { Grant } from "./grant-entry.ts";
import { SUMMARY_INTS, summaryDepth, summaryRole } from "./grant-summary.ts";
import { ENVIRONMENT_DEPTH, FLAG_DEPTH, PROJECT_DEPTH } from "./resource-path.ts";
import { type RoleEntry, roleHas } from "./role-entry.ts";
import { Closeness } from "./trace.ts";

export const decideFeature = (cx: DecisionContext): boolean => {
  const { entry, policy, trace } = cx;
  if (entry.layer === "project") return decideProjectLayer(cx);
  if (cx.grants.singles && oneGrantAllows(cx, true)) return true;

  const at = bestProjectRole(cx);
  if (at < 0) {
    if (trace) missProjectRole(cx);
    return false;
  }
  const projectRole = roleAt(cx, at);
  const locked = policy.isLocked(projectRole);
  // Grant objects are fetched only when a trace needs them: the check path stays on the packed summaries.
  const project = trace ? grantAt(cx, at) : undefined;
  const deciding: Grant[] = project ? [project] : [];

  if (entry.layer === "ruleset" || entry.layer === "environment") {
    const explicit = locked ? -1 : bestEntityGrant(cx, ENVIRONMENT_DEPTH);
    let envRole: RoleEntry;
    if (explicit >= 0) {
      envRole = roleAt(cx, explicit);
      if (trace) deciding.push(grantAt(cx, explicit));
    } else if (policy.dependsOnProduction(projectRole)) {
      const production = cx.attrs?.production;
      if (production === undefined) {
        trace?.miss(project, `the resource does not carry the attribute "production" (fails closed)`, {
          attribute: "production",
          condition: `the default environment role of ${projectRole.id} depends on production`,
        });
        return false;
      }
      envRole = policy.defaultEnvironment(projectRole, production);
    } else envRole = policy.defaultEnvironment(projectRole, false);
    if (!entityRoleAllows(cx, "environment", envRole, explicit >= 0 ? explicit : at)) return false;
  }

  if (entry.layer === "ruleset" || entry.layer === "flag") {
    const explicit = locked ? -1 : bestEntityGrant(cx, FLAG_DEPTH);
    const flagRole = explicit >= 0 ? roleAt(cx, explicit) : policy.defaultFlag(projectRole);
    const flagAt = explicit >= 0 ? explicit : at;
    if (explicit >= 0 && trace) deciding.push(grantAt(cx, explicit));
    if (entry.layer === "ruleset" && !policy.flagAllowsRulesetChanges(flagRole)) {
      trace?.miss(
        grantAt(cx, flagAt),
        `flag role ${flagRole.label} does not allow changing the flag's rules`,
      );
      return false;
    }
    if (entry.layer === "flag" && !entityRoleAllows(cx, "flag", flagRole, flagAt)) return false;
  }
  trace?.decide(deciding);
  return true;
};

/** The environment or flag role in effect (given by gathered grant `b`) holds the action, and its conditions pass. */
const entityRoleAllows = (cx: DecisionContext, kind: string, role: RoleEntry, b: number): boolean => {
  if (roleHas(role, cx.entry.bit)) return conditionsHoldAt(cx, b, role);
  cx.trace?.miss(grantAt(cx, b), `${kind} role ${role.label} does not include ${cx.entry.label}`);
  return false;
};

/** Project-layer actions: the generic rule, plus flag and audience creation for environment editors. */
const decideProjectLayer = (cx: DecisionContext): boolean => {
  if (decideGeneric(cx)) return true;
  const { policy, grants, trace } = cx;
  // the nearest miss was a Web-only role lacking the action: it lacks it because it is no role here
  const web = trace ? webOnlyGrant(cx) : -1;
  if (web >= 0) trace?.reword(grantAt(cx, web), webOnlyReason(roleAt(cx, web)));
  if (!policy.openToEnvEditorsAt(cx.entry.bit) || cx.path[PROJECT_DEPTH] === undefined) return false;
  const at = bestProjectRole(cx);
  if (at < 0) return false;
  for (let b = grants.first; b < grants.end; b += SUMMARY_INTS) {
    if (depthAt(cx, b) !== ENVIRONMENT_DEPTH || !policy.isEnvEditor(roleIndexAt(cx, b))) continue;
    if (!sharesPathTo(cx, b, PROJECT_DEPTH) || !inForceAt(cx, b)) continue;
    cx.trace?.decide([grantAt(cx, at), grantAt(cx, b)]);
    return true;
  }
  return false;
};

/**
 * Records why no Feature project role applies (traces only): a Web-only role held over the resource is named, since
 * it exists only on Web projects; otherwise there is no role on the project.
 */
export const missProjectRole = (cx: DecisionContext): void => {
  const web = webOnlyGrant(cx);
  if (web < 0) cx.trace?.miss(undefined, "no role on this project", {}, Closeness.NoGrant);
  else cx.trace?.miss(grantAt(cx, web), webOnlyReason(roleAt(cx, web)), {}, Closeness.LacksAction);
};

const webOnlyReason = (role: RoleEntry): string =>
  `${role.label} exists only on Web projects: it gives nothing on a Feature project`;

/** Offset of a usable grant of a Web-only role (restricted publisher or editor) covering the path, or -1. */
const webOnlyGrant = (cx: DecisionContext): number => {
  for (let b = cx.grants.first; b < cx.grants.end; b += SUMMARY_INTS)
    if (cx.policy.isWebOnly(roleAt(cx, b)) && usable(cx, b)) return b;
  return -1;
};

/** Offset of the widest usable Feature project role covering the path, or -1. */
export const bestProjectRole = (cx: DecisionContext): number => widest(cx, cx.policy.projectRanks, -1);

/** Offset of the widest usable entity grant made exactly at the resource's environment or flag, or -1. */
export const bestEntityGrant = (
  cx: DecisionContext,
  depth: typeof ENVIRONMENT_DEPTH | typeof FLAG_DEPTH,
): number => {
  if (cx.path[depth] === undefined) return -1;
  return widest(cx, depth === ENVIRONMENT_DEPTH ? cx.policy.envRanks : cx.policy.flagRanks, depth);
};

/** Past every rank (an Int8Array entry is at most 127): none found yet, kept a small integer for the compares. */
const NO_RANK = 128;

/**
 * Offset of the usable grant whose role ranks widest in `ranks` (by role index, lower is wider, -1 unranked),
 * made at `depth` (or at any depth for -1); -1 when there is none.
 */
const widest = (cx: DecisionContext, ranks: Int8Array, depth: number): number => {
  const { grants } = cx;
  const data = grants.data;
  let best = -1;
  let bestRank = NO_RANK;
  for (let b = grants.first; b < grants.end; b += SUMMARY_INTS) {
    if (depth >= 0 && summaryDepth(data, b) !== depth) continue;
    const rank = ranks[summaryRole(data, b)] ?? -1;
    if (rank < 0 || rank >= bestRank || !usable(cx, b)) continue;
    best = b;
    bestRank = rank;
  }
  return best;
};

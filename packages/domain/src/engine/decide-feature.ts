// The decision for Feature Experimentation actions: ruleset actions use the environment role capped by
// the flag role, flag actions the flag role, the rest the project role; an explicit entity grant beats the default.
import type { ResourceAttributes } from "../model/resource.ts";
import type { ActionEntry } from "./compiled-catalog.ts";
import { conditionsHold, decideGeneric } from "./decide-generic.ts";
import type { FeaturePolicy } from "./feature-policy.ts";
import type { Grant, Subject } from "./grant-entry.ts";
import { type RoleEntry, roleHas } from "./role-entry.ts";
import type { ScopeNode } from "./scope-tree.ts";
import type { Snapshot } from "./snapshot.ts";
import { Closeness, type Trace } from "./trace.ts";
import { grantList, usable } from "./usable-grants.ts";

const PROJECT = 3;
const ENVIRONMENT = 4;
const FLAG = 5;

export const decideFeature = (
  snap: Snapshot,
  policy: FeaturePolicy,
  subject: Subject,
  entry: ActionEntry,
  attrs: ResourceAttributes | undefined,
  node: ScopeNode,
  now: number,
  trace: Trace | null,
): boolean => {
  if (entry.layer === "project")
    return decideProjectLayer(snap, policy, subject, entry, attrs, node, now, trace);
  if (singlePermissionAllows(snap, subject, entry, attrs, node, now, trace)) return true;

  const project = bestProjectRole(snap, policy, subject, node, now);
  if (project === undefined) {
    trace?.miss(undefined, `${subject.id} holds no role on this project`, {}, Closeness.NoGrant);
    return false;
  }
  const locked = policy.isLocked(project.role);
  const deciding: Grant[] = [project];

  if (entry.layer === "ruleset" || entry.layer === "environment") {
    const explicit = locked ? undefined : bestEntityGrant(snap, policy, subject, node, ENVIRONMENT, now);
    let envRole: RoleEntry;
    if (explicit !== undefined) {
      envRole = explicit.role;
      deciding.push(explicit);
    } else if (policy.dependsOnProduction(project.role)) {
      const production = attrs?.production;
      if (production === undefined) {
        trace?.miss(project, `the resource does not carry the attribute "production" (fails closed)`, {
          attribute: "production",
          condition: `the default environment role of ${project.role.id} depends on production`,
        });
        return false;
      }
      envRole = policy.defaultEnvironment(project.role, production);
    } else envRole = policy.defaultEnvironment(project.role, false);
    if (!roleHas(envRole, entry.bit)) {
      trace?.miss(
        explicit ?? project,
        `environment role ${envRole.id} does not include ${entry.id}`,
        {},
        Closeness.ConditionFailed,
      );
      return false;
    }
    const envGrant = explicit ?? project;
    if (!conditionsHold(snap, subject, entry, envGrant, envRole, attrs, node, now, trace)) return false;
  }

  if (entry.layer === "ruleset" || entry.layer === "flag") {
    const explicit = locked ? undefined : bestEntityGrant(snap, policy, subject, node, FLAG, now);
    const flagRole = explicit?.role ?? policy.defaultFlag(project.role);
    if (explicit) deciding.push(explicit);
    if (entry.layer === "ruleset" && !policy.flagAllowsRulesetChanges(flagRole)) {
      trace?.miss(
        explicit ?? project,
        `flag role ${flagRole.id} does not allow changing the flag's rules`,
        {},
        Closeness.ConditionFailed,
      );
      return false;
    }
    if (entry.layer === "flag") {
      if (!roleHas(flagRole, entry.bit)) {
        trace?.miss(
          explicit ?? project,
          `flag role ${flagRole.id} does not include ${entry.id}`,
          {},
          Closeness.ConditionFailed,
        );
        return false;
      }
      if (!conditionsHold(snap, subject, entry, explicit ?? project, flagRole, attrs, node, now, trace))
        return false;
    }
  }
  if (trace) trace.deciding = deciding;
  return true;
};

/** Project-layer actions: the generic rule, plus flag and audience creation for environment editors. */
const decideProjectLayer = (
  snap: Snapshot,
  policy: FeaturePolicy,
  subject: Subject,
  entry: ActionEntry,
  attrs: ResourceAttributes | undefined,
  node: ScopeNode,
  now: number,
  trace: Trace | null,
): boolean => {
  if (decideGeneric(snap, subject, entry, attrs, node, now, trace)) return true;
  if (!policy.openToEnvEditors.has(entry.id) || node.depth < PROJECT) return false;
  const project = bestProjectRole(snap, policy, subject, node, now);
  if (project === undefined) return false;
  const projectNode = node.ancestors[PROJECT] as ScopeNode;
  for (let k = -1; k < subject.groups.length; k++) {
    const list = grantList(subject, k);
    for (let i = 0; i < list.length; i++) {
      const g = list[i] as Grant;
      if (g.node.depth !== ENVIRONMENT || g.node.ancestors[PROJECT] !== projectNode) continue;
      if (!policy.envEditors.has(g.role.index) || !usable(snap, g, g.node, now)) continue;
      if (trace) trace.deciding = [project, g];
      return true;
    }
  }
  return false;
};

/** An extra single permission for this very action allows it on any layer (its conditions still apply). */
const singlePermissionAllows = (
  snap: Snapshot,
  subject: Subject,
  entry: ActionEntry,
  attrs: ResourceAttributes | undefined,
  node: ScopeNode,
  now: number,
  trace: Trace | null,
): boolean => {
  for (let k = -1; k < subject.groups.length; k++) {
    const list = grantList(subject, k);
    for (let i = 0; i < list.length; i++) {
      const g = list[i] as Grant;
      if (!g.role.single || !roleHas(g.role, entry.bit) || !usable(snap, g, node, now)) continue;
      if (conditionsHold(snap, subject, entry, g, g.role, attrs, node, now, trace)) {
        if (trace) trace.deciding = [g];
        return true;
      }
    }
  }
  return false;
};

/** The widest usable Feature project role covering the node. */
export const bestProjectRole = (
  snap: Snapshot,
  policy: FeaturePolicy,
  subject: Subject,
  node: ScopeNode,
  now: number,
): Grant | undefined => {
  let best: Grant | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (let k = -1; k < subject.groups.length; k++) {
    const list = grantList(subject, k);
    for (let i = 0; i < list.length; i++) {
      const g = list[i] as Grant;
      const rank = policy.projectRankOf(g.role);
      if (rank === undefined || rank >= bestRank || !usable(snap, g, node, now)) continue;
      best = g;
      bestRank = rank;
    }
  }
  return best;
};

/** The widest usable entity grant made exactly at the resource's environment (depth 4) or flag (depth 5). */
const bestEntityGrant = (
  snap: Snapshot,
  policy: FeaturePolicy,
  subject: Subject,
  node: ScopeNode,
  depth: typeof ENVIRONMENT | typeof FLAG,
  now: number,
): Grant | undefined => {
  if (node.depth < depth) return undefined;
  const at = node.ancestors[depth] as ScopeNode;
  let best: Grant | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  for (let k = -1; k < subject.groups.length; k++) {
    const list = grantList(subject, k);
    for (let i = 0; i < list.length; i++) {
      const g = list[i] as Grant;
      if (g.node !== at) continue;
      const rank = depth === ENVIRONMENT ? policy.envRankOf(g.role) : policy.flagRankOf(g.role);
      if (rank === undefined || rank >= bestRank || !usable(snap, g, node, now)) continue;
      best = g;
      bestRank = rank;
    }
  }
  return best;
};

// The decision for `audience.edit` / `audience.archive` on Feature projects: the audience role (audience-role.ts)
// carries the rights of its rung's project role, whose conditions (the editor's ** footnote) hold over every use.
import type { Condition } from "../catalog/condition.ts";
import type { AudienceUse, ResourceAttributes } from "../model/resource.ts";
import {
  type AudienceRoleMiss,
  audienceRoleOf,
  describeUse,
  type FoundAudienceRole,
  usesOf,
} from "./audience-role.ts";
import { type ConditionFailure, evaluateCondition, MISSING, PASS } from "./condition-eval.ts";
import { missProjectRole } from "./decide-feature.ts";
import { oneGrantAllows } from "./decide-generic.ts";
import type { DecisionContext } from "./decision-context.ts";
import type { Grant } from "./grant-entry.ts";
import { probeOf } from "./permission-probe.ts";
import { roleHas } from "./role-entry.ts";
import { Closeness } from "./trace.ts";

export const decideAudience = (cx: DecisionContext): boolean => {
  const { entry, trace } = cx;
  if (cx.grants.singles && oneGrantAllows(cx, true)) return true;
  const found = audienceRoleOf(cx);
  if ("miss" in found) {
    if (trace) missWithout(cx, found);
    return false;
  }
  const nearest = found.grants.at(-1);
  const rights = found.role.rightsOf === undefined ? undefined : cx.snap.catalog.role(found.role.rightsOf);
  if (rights === undefined || !roleHas(rights, entry.bit)) {
    trace?.miss(
      nearest,
      `audience role ${found.role.label} ${origin(found)} does not include ${entry.label}`,
      {},
      Closeness.LacksAction,
    );
    return false;
  }
  const conditions = [rights.conditions.get(entry.bit), entry.condition].filter((c) => c !== undefined);
  for (const condition of conditions) if (!holdsOverUses(cx, condition, found, nearest)) return false;
  trace?.decide(found.grants);
  return true;
};

/** Where the audience role came from, for explanations: the use (flag, environment) that lowered it, or the project. */
const origin = (found: FoundAudienceRole): string =>
  found.use === undefined
    ? `(from the project role ${found.from.label})`
    : `(lowered by ${found.from.label} on ${describeUse(found.use)})`;

const missWithout = (cx: DecisionContext, found: AudienceRoleMiss): void => {
  if (found.miss === "no-project-role") missProjectRole(cx);
  else
    cx.trace?.miss(
      found.grant,
      `the resource does not carry the attribute "production" for ${describeUse(found.use)} (fails closed)`,
      { attribute: "production", condition: "the default environment role depends on production" },
    );
};

/**
 * The condition holds on every use (its `flagStatus` and `production` read as the resource's), or, when the
 * resource lists no uses, on the resource itself; an audience no flag uses (`usedBy: []`) has nothing to hold.
 */
const holdsOverUses = (
  cx: DecisionContext,
  condition: Condition,
  found: FoundAudienceRole,
  nearest: Grant | undefined,
): boolean => {
  const uses = usesOf(cx.resource);
  const places = uses === undefined ? [undefined] : uses;
  for (const use of places) {
    const attrs = use === undefined ? cx.attrs : atUse(cx.attrs, use);
    const why: { failure?: ConditionFailure } | undefined = cx.trace ? {} : undefined;
    if (evaluateCondition(condition, attrs, probeOf(cx), why) === PASS) continue;
    const failure = why?.failure;
    if (cx.trace && failure) {
      const where = use === undefined ? "" : ` for ${describeUse(use)}`;
      if (failure.outcome === MISSING)
        cx.trace.miss(
          nearest,
          `the resource does not carry the attribute "${failure.attribute}"${where} (fails closed)`,
          {
            condition: failure.condition,
            ...(failure.attribute ? { attribute: failure.attribute } : {}),
          },
        );
      else
        cx.trace.miss(
          nearest,
          `audience role ${found.role.label} ${origin(found)}: condition not met${where}: allowed only when ${failure.condition}`,
          {
            condition: failure.condition,
          },
        );
    }
    return false;
  }
  return true;
};

/** The resource's attributes with the use's `flagStatus` and `production` in place of its own. */
const atUse = (attrs: ResourceAttributes | undefined, use: AudienceUse): ResourceAttributes => {
  const { flagStatus: _status, production: _production, ...rest } = attrs ?? {};
  return {
    ...rest,
    ...(use.flagStatus === undefined ? {} : { flagStatus: use.flagStatus }),
    ...(use.production === undefined ? {} : { production: use.production }),
  };
};

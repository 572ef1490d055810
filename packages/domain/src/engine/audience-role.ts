// A collaborator's audience role on a Feature project's audience: the lowest of its project role and, over every
// use (a flag's ruleset in an environment), its environment role and its flag role; an unused audience: the project role.
import { type AudienceRole, audienceRoles, audienceRungOf } from "../catalog/audience-roles.ts";
import type { AudienceUse, Resource } from "../model/resource.ts";
import { bestEntityGrant, bestProjectRole } from "./decide-feature.ts";
import { type DecisionContext, grantAt, roleAt } from "./decision-context.ts";
import type { Grant } from "./grant-entry.ts";
import { ENVIRONMENT_DEPTH, FLAG_DEPTH } from "./resource-path.ts";
import type { RoleEntry } from "./role-entry.ts";

/** The audience role found, the role that set it and the use it came from (undefined: the project role). */
export interface FoundAudienceRole {
  readonly role: AudienceRole;
  readonly from: RoleEntry;
  readonly use: AudienceUse | undefined;
  /** The project grant, and the entity grant that set the role when one did (filled only under a trace). */
  readonly grants: ReadonlyArray<Grant>;
}

/** Why no audience role could be read: no project role, or a use whose `production` a default depends on. */
export type AudienceRoleMiss =
  | { readonly miss: "no-project-role" }
  | { readonly miss: "production"; readonly use: AudienceUse; readonly grant: Grant | undefined };

/**
 * The uses the resource names: `attrs.usedBy` when given (`[]`: no flag uses it), else the one ruleset its path
 * names (a flag, with its `production` and `flagStatus`), else undefined: an audience whose uses are not listed.
 */
export const usesOf = (resource: Resource): ReadonlyArray<AudienceUse> | undefined => {
  const attrs = resource.attrs;
  if (attrs?.usedBy !== undefined) return attrs.usedBy;
  if (resource.flag === undefined) return undefined;
  return [
    {
      flag: resource.flag,
      ...(resource.environment === undefined ? {} : { environment: resource.environment }),
      ...(attrs?.production === undefined ? {} : { production: attrs.production }),
      ...(attrs?.flagStatus === undefined ? {} : { flagStatus: attrs.flagStatus }),
    },
  ];
};

/** The audience role of the subject `cx` is about on `cx.resource` (its grants gathered); `cx` is left as found. */
export const audienceRoleOf = (cx: DecisionContext): FoundAudienceRole | AudienceRoleMiss => {
  const at = bestProjectRole(cx);
  if (at < 0) return { miss: "no-project-role" };
  const projectRole = roleAt(cx, at);
  const projectGrant = cx.trace ? [grantAt(cx, at)] : [];
  let found: FoundAudienceRole = {
    role: rungOf(projectRole),
    from: projectRole,
    use: undefined,
    grants: projectGrant,
  };
  const uses = usesOf(cx.resource);
  if (uses === undefined || uses.length === 0) return found;
  const resource = cx.resource;
  try {
    for (const use of uses) {
      cx.resource = rulesetOf(resource, use);
      cx.gather();
      const locked = cx.policy.isLocked(projectRole);
      const roles: Array<{ role: RoleEntry; grant: Grant | undefined }> = [];
      if (use.environment !== undefined) {
        const env = environmentRole(cx, projectRole, locked);
        if (env === undefined) return { miss: "production", use, grant: projectGrant[0] };
        roles.push(env);
      }
      roles.push(flagRole(cx, projectRole, locked));
      for (const { role, grant } of roles) {
        const rung = rungOf(role);
        if (audienceRoles.indexOf(rung) <= audienceRoles.indexOf(found.role)) continue;
        found = { role: rung, from: role, use, grants: grant ? [...projectGrant, grant] : projectGrant };
      }
    }
  } finally {
    cx.resource = resource;
    cx.gather();
  }
  return found;
};

/** The environment role at the use's environment: an explicit grant, else the project role's default (fails closed). */
const environmentRole = (cx: DecisionContext, projectRole: RoleEntry, locked: boolean) => {
  const explicit = locked ? -1 : bestEntityGrant(cx, ENVIRONMENT_DEPTH);
  if (explicit >= 0) return { role: roleAt(cx, explicit), grant: traced(cx, explicit) };
  const production = cx.attrs?.production;
  if (cx.policy.dependsOnProduction(projectRole) && production === undefined) return undefined;
  return { role: cx.policy.defaultEnvironment(projectRole, production === true), grant: undefined };
};

/** The flag role on the use's flag: an explicit flag grant, else the project role's default. */
const flagRole = (cx: DecisionContext, projectRole: RoleEntry, locked: boolean) => {
  const explicit = locked ? -1 : bestEntityGrant(cx, FLAG_DEPTH);
  if (explicit >= 0) return { role: roleAt(cx, explicit), grant: traced(cx, explicit) };
  return { role: cx.policy.defaultFlag(projectRole), grant: undefined };
};

const traced = (cx: DecisionContext, b: number): Grant | undefined => (cx.trace ? grantAt(cx, b) : undefined);

const rungOf = (role: RoleEntry): AudienceRole => {
  const id = audienceRungOf.get(role.id) ?? "none";
  return audienceRoles.find((x) => x.id === id) as AudienceRole;
};

/** The ruleset resource of one use, with that environment's `production` (what the environment defaults read). */
const rulesetOf = (audience: Resource, use: AudienceUse): Resource => ({
  org: audience.org,
  product: audience.product,
  instance: audience.instance,
  project: audience.project,
  ...(use.environment === undefined ? {} : { environment: use.environment }),
  flag: use.flag,
  attrs: { platform: "feature", ...(use.production === undefined ? {} : { production: use.production }) },
});

/** A use as an explanation names it. */
export const describeUse = (use: AudienceUse): string => {
  const flag = use.hidden === true ? "a flag hidden from you" : `flag ${use.flagName ?? use.flag}`;
  return use.environment === undefined
    ? flag
    : `${flag} in environment ${use.environmentName ?? use.environment}`;
};

/** The audience role as callers see it: its rung, the role that set it and the use that lowered it (if one did). */
export interface AudienceRoleAnswer {
  readonly role: AudienceRole["id"];
  readonly label: string;
  /** The project, environment or flag role that set it; undefined when the subject has no role on the project. */
  readonly decidedBy: { readonly role: string; readonly roleName: string } | undefined;
  readonly use: AudienceUse | undefined;
}

const NO_ACCESS = audienceRoles.at(-1) as AudienceRole;

/** `audienceRoleOf` for callers: a deactivated subject, no project role or an unreadable use read as no access. */
export const answerAudienceRole = (cx: DecisionContext, deactivated: boolean): AudienceRoleAnswer => {
  const found = deactivated ? ({ miss: "no-project-role" } as const) : audienceRoleOf(cx);
  if ("miss" in found)
    return {
      role: NO_ACCESS.id,
      label: NO_ACCESS.label,
      decidedBy: undefined,
      use: found.miss === "production" ? found.use : undefined,
    };
  return {
    role: found.role.id,
    label: found.role.label,
    decidedBy: { role: found.from.id, roleName: found.from.label },
    use: found.use,
  };
};

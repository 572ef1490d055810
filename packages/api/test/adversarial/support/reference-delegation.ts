// The escalation search's oracle: an independent reference model of who may give what, written from the spec
// and the seeds (never from the engine under test), as a table of admin levels and the roles they may give.
import { type Scope, scopeKeys } from "@gatehouse/domain";

/*
 * Rules (spec = shared/spec/permission-model.md; seeds = shared/seeds/; decisions = docs/decisions.md):
 * R1 super-admin at {org}: anything in its organization (spec §5 "A super-admin may assign any role at any
 *    scope of its own organization"; seed 001 "Super Admin – Access to everything").
 * R2 product-admin at {org, product}: the roles and single permissions of that product, at scopes inside it,
 *    including Experimentation administrator / project owner (decisions "Authority"); never an
 *    `admin-center:` role (spec §5; seed 001 "You can not add a user as an admin to your instance or project").
 * R3 instance-admin at {org, product, instance}: the instance's product roles inside it, except the
 *    admin-implying ones (experimentation:administrator, experimentation:project-owner) (spec §5, decisions).
 * R4 experimentation:administrator at an instance: every Experimentation role inside the instance (spec §5
 *    "an Experimentation administrator adds any Experimentation role in its instance"); it is also R3 there
 *    (spec §3 "administrator at an instance implies admin-center:instance-admin there").
 * R5 project owner (admin-center:project-owner, or experimentation:project-owner which implies it, spec §3):
 *    experimentation editor / restricted-editor / viewer and the entity roles (env-*, flag-*) inside its
 *    project (spec §5 "adds only editor or viewer collaborators, to projects it owns"; seed 004 "Project owners
 *    ... invite editors and viewers to the projects they own"; decisions "entity roles").
 * R6 a single permission is given like the roles it belongs to: allowed where a role holding it may be given,
 *    or where the actor itself holds it through a grant at an admin level it administers (issue 10, "nobody gives
 *    a role or a single permission that it could not itself hold or delegate at that scope").
 * R7 Roles admin and every product role (customerAdmin included) give nothing (decisions "Authority").
 * R8 another organization's user gets only Mission Control roles, and only when it is a partner user (spec §3
 *    "Partner access", §6); a group grant is a grant to each member (spec §1 "a group whose members inherit it").
 * R9 removing or changing a grant follows the rule for giving it, old and new role (spec §5 last bullet).
 * R10 groups are managed by the super admin only (decisions "Who manages groups"); custom roles are created
 *    and edited by a super admin, or by a roles admin together with an admin level covering the role's
 *    instance (spec §3 "custom-role.{create,delete} at a scope needs super-admin, or roles-admin together with
 *    an admin level whose scope covers it"; seed 001 "if you are an Instance Admin and Roles Admin").
 * R11 a flag admin manages its flag's permissions (spec §3 "flag-admin also manages the flag's permissions"):
 *    holding experimentation:flag-admin at a flag scope {…project, flag} (a flag role applies in every
 *    environment) and a Feature project role on the project (spec §3 "granular roles need a project role"), it
 *    gives the flag-* roles at exactly that flag scope.
 * R12 an environment admin manages its environment's permissions (spec §3 "env-admin also manages the
 *    environment's permissions"): holding experimentation:env-admin at an environment scope {…project,
 *    environment} and a Feature project role on the project, it gives the env-* roles at exactly that environment.
 * R13 deactivating, reactivating and removing from the account are account-wide: a super admin's only, never
 *    to its own account (decisions "Users": an account-wide switch; seed 001's lower levels remove or delete a
 *    user from *this* instance or project only).
 * What a role holds (its actions) is read from the stored role definitions: that is catalog data, not a decision.
 */
/** One grant the actor holds (directly or through a group): a role or a single permission at a place. */
export interface HeldGrant {
  readonly role: string | null;
  readonly permission: string | null;
  readonly scope: Scope;
}

/** Whom a grant would reach: a user of `org`, partner or customer. */
export interface Target {
  readonly org: string;
  readonly partner: boolean;
}

/** Whether `outer` is `inner` or one of its ancestors. */
export const covers = (outer: Scope, inner: Scope): boolean =>
  scopeKeys.every((k) => outer[k] === undefined || outer[k] === inner[k]);

const comparable = (a: Scope, b: Scope) => covers(a, b) || covers(b, a);
const productOf = (id: string) => id.slice(0, id.indexOf(":"));

const ADMIN_IMPLYING = new Set(["experimentation:administrator", "experimentation:project-owner"]);
const PROJECT_OWNER_GIVES = new Set([
  "experimentation:editor",
  "experimentation:restricted-editor",
  "experimentation:viewer",
]);
const isEntityRole = (role: string) => /^experimentation:(env|flag)-/.test(role);

/** An admin level an actor holds at a place (spec §3, with the Experimentation implications). */
type Level = "super-admin" | "product-admin" | "instance-admin" | "exp-administrator" | "project-owner";

export const levelsOf = (held: ReadonlyArray<HeldGrant>): ReadonlyArray<{ level: Level; at: Scope }> =>
  held.flatMap((g): Array<{ level: Level; at: Scope }> => {
    switch (g.role) {
      case "admin-center:super-admin":
        return [{ level: "super-admin", at: { org: g.scope.org } }];
      case "admin-center:product-admin":
        return [{ level: "product-admin", at: g.scope }];
      case "admin-center:instance-admin":
        return [{ level: "instance-admin", at: g.scope }];
      case "experimentation:administrator":
        return [
          { level: "exp-administrator", at: g.scope },
          { level: "instance-admin", at: g.scope },
        ];
      case "admin-center:project-owner":
      case "experimentation:project-owner":
        return [{ level: "project-owner", at: g.scope }];
      default:
        return [];
    }
  });

/** R1–R5: may an actor at `level` give role `role` (product roles only; never admin-center below R1)? */
const levelGivesRole = (level: Level, at: Scope, role: string): boolean => {
  const product = productOf(role);
  switch (level) {
    case "super-admin":
      return true;
    case "product-admin":
      return product !== "admin-center" && product === at.product;
    case "instance-admin":
      return product !== "admin-center" && product === at.product && !ADMIN_IMPLYING.has(role);
    case "exp-administrator":
      return product === "experimentation";
    case "project-owner":
      return PROJECT_OWNER_GIVES.has(role) || isEntityRole(role);
  }
};

/** The project roles below the owner's (R5 already covers administrators and owners). */
const COLLABORATOR_ROLES = new Set([
  "experimentation:publisher",
  "experimentation:editor",
  "experimentation:viewer",
]);

/** R11, R12: the entity roles, the admin role managing them and the scopes holding them (flag, environment). */
const ENTITIES = [
  {
    roles: /^experimentation:flag-/,
    admin: "experimentation:flag-admin",
    at: (place: Scope) => place.flag !== undefined && place.environment === undefined,
  },
  {
    roles: /^experimentation:env-/,
    admin: "experimentation:env-admin",
    at: (place: Scope) => place.environment !== undefined && place.flag === undefined,
  },
];

/** R11, R12: a flag or environment admin gives its entity's roles, at exactly the entity's scope. */
const managesEntity = (held: ReadonlyArray<HeldGrant>, role: string, place: Scope): boolean => {
  const entity = ENTITIES.find((e) => e.roles.test(role));
  return (
    entity?.at(place) === true &&
    held.some((g) => g.role === entity.admin && covers(g.scope, place) && covers(place, g.scope)) &&
    held.some((g) => g.role !== null && COLLABORATOR_ROLES.has(g.role) && covers(g.scope, place))
  );
};

/** R8: may `role` reach `target` at `place` at all? */
const reaches = (role: string, place: Scope, target: Target): boolean =>
  target.org === place.org || (target.partner && productOf(role) === "mission-control");

export interface Catalog {
  /** The actions a role holds, implied roles included. */
  readonly actionsOf: (role: string) => ReadonlyArray<string>;
  /** Every role id the world knows (system and custom). */
  readonly roles: ReadonlyArray<string>;
}

const IMPLIED: Readonly<Record<string, string>> = {
  "experimentation:administrator": "admin-center:instance-admin",
  "experimentation:project-owner": "admin-center:project-owner",
};

/** A role's actions with those of the Admin Center level it implies (spec §3, seed 001's table). */
export const withImplied = (actionsOf: (role: string) => ReadonlyArray<string>) => (role: string) => {
  const implied = IMPLIED[role];
  return implied === undefined ? actionsOf(role) : [...actionsOf(role), ...actionsOf(implied)];
};

/** R1–R5, R8, R11, R12: may the actor holding `held` give `role` at `place` to `target`? */
export const mayGiveRole = (held: ReadonlyArray<HeldGrant>, role: string, place: Scope, target: Target) =>
  reaches(role, place, target) &&
  (levelsOf(held).some(
    ({ level, at }) => at.org === place.org && covers(at, place) && levelGivesRole(level, at, role),
  ) ||
    managesEntity(held, role, place));

/** What the actor itself holds at `place` through grants of a product it administers there (R6). */
const heldActions = (held: ReadonlyArray<HeldGrant>, place: Scope, catalog: Catalog) => {
  const administered = new Set(
    levelsOf(held)
      .filter(({ at }) => covers(at, place))
      .flatMap(({ level, at }) =>
        level === "project-owner" || level === "exp-administrator" ? ["experimentation"] : [at.product ?? ""],
      ),
  );
  return held
    .filter((g) => covers(g.scope, place))
    .flatMap((g) => (g.role === null ? [g.permission ?? ""] : catalog.actionsOf(g.role)))
    .filter((action) => administered.has(productOf(action)));
};

/** R6: may the actor give the single permission `action` at `place` to `target`? */
export const mayGivePermission = (
  held: ReadonlyArray<HeldGrant>,
  action: string,
  place: Scope,
  target: Target,
  catalog: Catalog,
): boolean => {
  if (levelsOf(held).some(({ level, at }) => level === "super-admin" && at.org === place.org))
    return reaches(action, place, target);
  if (productOf(action) === "admin-center" || !reaches(action, place, target)) return false;
  const byRole = catalog.roles.some(
    (role) => mayGiveRole(held, role, place, target) && catalog.actionsOf(role).includes(action),
  );
  return byRole || heldActions(held, place, catalog).includes(action);
};

/** R10: may the actor create or edit a custom role placed at `place` (an instance)? */
export const mayManageCustomRole = (held: ReadonlyArray<HeldGrant>, place: Scope): boolean => {
  const levels = levelsOf(held);
  if (levels.some(({ level, at }) => level === "super-admin" && at.org === place.org)) return true;
  const rolesAdmin = held.some((g) => g.role === "admin-center:roles-admin" && g.scope.org === place.org);
  return (
    rolesAdmin &&
    levels.some(({ level, at }) => level !== "project-owner" && at.org === place.org && covers(at, place))
  );
};

/** R10: groups are the super admin's. */
export const mayManageGroups = (held: ReadonlyArray<HeldGrant>, org: string): boolean =>
  levelsOf(held).some(({ level, at }) => level === "super-admin" && at.org === org);

/**
 * R13: the account-wide changes (deactivating, reactivating, removing from the account of `org`) are its super
 * admin's only (admin-center:user.deactivate; seed 001 gives lower levels removal from *their* instance or project).
 */
export const mayChangeAccountStatus = (held: ReadonlyArray<HeldGrant>, org: string): boolean =>
  levelsOf(held).some(({ level, at }) => level === "super-admin" && at.org === org);

/**
 * Everything the actor could give `target` that may show at `resource`: the actions of every role (and
 * single permission) it may give at a place on the resource's path, above or below it. An upper bound:
 * conditions are ignored, so only rights that no delegation could explain count as escalations.
 */
export const delegable = (
  held: ReadonlyArray<HeldGrant>,
  target: Target,
  resource: Scope,
  catalog: Catalog,
): ReadonlySet<string> => {
  const out = new Set<string>();
  for (const { level, at } of levelsOf(held)) {
    if (at.org !== resource.org || !comparable(at, resource)) continue;
    const place = covers(at, resource) ? resource : at;
    for (const role of catalog.roles)
      if (levelGivesRole(level, at, role) && reaches(role, place, target))
        for (const action of catalog.actionsOf(role)) out.add(action);
  }
  if (levelsOf(held).some(({ at }) => at.org === resource.org && covers(at, resource)))
    for (const action of heldActions(held, resource, catalog))
      if (reaches(action, resource, target)) out.add(action);
  // R11, R12: the roles of a flag it manages (on the flag and its ruleset in every environment) and of an
  // environment it manages (on the environment and every ruleset in it)
  const { environment: _environment, ...flag } = resource;
  const { flag: _flag, ...environment } = resource;
  for (const place of [flag, environment])
    for (const role of catalog.roles)
      if (managesEntity(held, role, place) && reaches(role, place, target))
        for (const action of catalog.actionsOf(role)) out.add(action);
  return out;
};

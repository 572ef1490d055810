// Who manages an environment's or a flag's roles (spec section 3: env-admin and flag-admin manage their entity's
// permissions), which roles those are, that a subject holds one of them per entity, and whom a manager picks from.
import {
  environmentPermissionsAction,
  environmentRoleIds,
  flagPermissionsAction,
  flagRoleIds,
} from "../catalog/products/experimentation.ts";
import type { Resource } from "../model/resource.ts";
import { type Scope, sameScope } from "../model/scope.ts";
import type { Allows } from "./flag-visibility.ts";

/** The entities of a Feature project that hold roles of their own. */
export type RoledEntity = "environment" | "flag";

/** The action whose holder gives, changes and removes the entity's roles (env-admin's, flag-admin's). */
const managing: Readonly<Record<RoledEntity, string>> = {
  environment: environmentPermissionsAction,
  flag: flagPermissionsAction,
};

/** The roles given at an entity, widest first: the environment roles at an environment, the flag roles at a flag. */
export const entityRoles: Readonly<Record<RoledEntity, ReadonlyArray<string>>> = {
  environment: environmentRoleIds,
  flag: flagRoleIds,
};

/**
 * The entity whose one role `role` given at `scope` is, if it is one: a subject holds ONE environment role per
 * environment and ONE flag role per flag (spec: "an environment role per environment … and a flag role per
 * flag"). A user and a group are different subjects, each holding its own; where both reach a person, the
 * engine counts the widest (decisions.md#feature-experimentation). The database keeps the same rule on any
 * role given at an environment or a flag scope (migration 17): only these roles are given there.
 */
export const oneRoleEntity = (role: string | null, scope: Scope): RoledEntity | undefined => {
  if (role === null) return undefined;
  return (["environment", "flag"] as const).find(
    (kind) => scope[kind] !== undefined && entityRoles[kind].includes(role),
  );
};

/**
 * Why a role at an entity is refused where the subject holds one there already (`held`, by name), in the words of
 * whoever gives it: the held role is to be changed, not a second one added.
 */
export const entityRoleHeld = (held: {
  readonly holder: string;
  readonly role: string;
  readonly entity: string;
  readonly same: boolean;
}): string =>
  `${held.holder} already holds ${held.role} on ${held.entity}${held.same ? "" : ": change that role instead"}`;

/**
 * Two of `grants` (given together to one subject: an invitation's) that would give it two different roles on one
 * entity, with that entity's kind; none when every entity gets at most one role.
 */
export const twoRolesAtOneEntity = <G extends { readonly role: string; readonly scope: Scope }>(
  grants: ReadonlyArray<G>,
): { readonly first: G; readonly second: G; readonly entity: RoledEntity } | undefined => {
  for (const [i, second] of grants.entries()) {
    const entity = oneRoleEntity(second.role, second.scope);
    if (entity === undefined) continue;
    const first = grants
      .slice(0, i)
      .find(
        (g) =>
          g.role !== second.role &&
          oneRoleEntity(g.role, g.scope) === entity &&
          sameScope(g.scope, second.scope),
      );
    if (first !== undefined) return { first, second, entity };
  }
  return undefined;
};

/** The same refusal where the holder is unknown to the words: another request gave it a role there meanwhile. */
export const ENTITY_ROLE_GIVEN_MEANWHILE =
  "This person or group was given a role there meanwhile (one role per environment and per flag): reload and change that role instead";

/** Whoever may view a project is one of its collaborators: the people a manager of its entities picks from. */
export const PROJECT_COLLABORATOR_ACTION = "experimentation:project.view";

/**
 * The engine question "may the reader manage the roles of `entity`?" (its resource: the environment's, or the
 * flag's without an environment): reading who holds them, and the entry point to it, ask exactly this.
 */
export const manageEntityRoles = (entity: RoledEntity, resource: Resource) => ({
  action: managing[entity],
  resource,
});

/** Whether the reader manages the roles of `entity` (its resource), by its own question to the engine. */
export const managesEntityRoles = (allows: Allows, entity: RoledEntity, resource: Resource): boolean => {
  const { action } = manageEntityRoles(entity, resource);
  return allows(action, resource);
};

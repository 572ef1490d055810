// Who manages an environment's or a flag's roles (spec section 3: env-admin and flag-admin manage their entity's
// permissions), which roles those are, and whom a manager picks from: the project's collaborators.
import {
  environmentPermissionsAction,
  environmentRoleIds,
  flagPermissionsAction,
  flagRoleIds,
} from "../catalog/products/experimentation.ts";
import type { Resource } from "../model/resource.ts";
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

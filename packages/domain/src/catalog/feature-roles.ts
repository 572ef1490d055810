// The Feature project's role facts as the engine applies them, for whoever shows them (the granular panel): per
// project role, the default environment and flag roles it gives and whether entity roles may override them.
import {
  defaultEnvironmentRole,
  defaultFlagRole,
  environmentRoleIds,
  flagRoleIds,
  lockedEntityRoles,
  projectRoleOrder,
  webOnlyRoles,
} from "./products/experimentation.ts";

export interface FeatureProjectRole {
  readonly id: string;
  /** The environment role it gives by default, in a production environment and in any other. */
  readonly defaultEnvironmentRole: { readonly production: string; readonly other: string };
  /** The flag role it gives by default, in every environment. */
  readonly defaultFlagRole: string;
  /** Its holders' environment and flag roles are fixed at the defaults: explicit entity roles are refused. */
  readonly entityRolesLocked: boolean;
}

export interface FeatureRoles {
  /** The Feature project roles, widest first (a holder of several acts with the widest). */
  readonly projectRoles: ReadonlyArray<FeatureProjectRole>;
  /** The roles that may be given on one environment, widest first. */
  readonly environmentRoles: ReadonlyArray<string>;
  /** The roles that may be given on one flag (in every environment), widest first. */
  readonly flagRoles: ReadonlyArray<string>;
}

const webOnly: ReadonlyArray<string> = webOnlyRoles;
const locked: ReadonlyArray<string> = lockedEntityRoles;

export const featureRoles: FeatureRoles = {
  projectRoles: projectRoleOrder
    .filter((id) => !webOnly.includes(id))
    .map((id) => ({
      id,
      defaultEnvironmentRole: {
        production: defaultEnvironmentRole(id, true),
        other: defaultEnvironmentRole(id, false),
      },
      defaultFlagRole: defaultFlagRole(id),
      entityRolesLocked: locked.includes(id),
    })),
  environmentRoles: environmentRoleIds,
  flagRoles: flagRoleIds,
};

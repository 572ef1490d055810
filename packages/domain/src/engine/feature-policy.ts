// Feature Experimentation's granular roles compiled to role entries: ranks of project roles,
// the default environment and flag role each gives, which entity roles are locked and which roles are Web-only.
import {
  defaultEnvironmentRole,
  defaultFlagRole,
  environmentEditorOrAbove,
  environmentPermissionsAction,
  environmentRoleIds,
  flagPermissionsAction,
  flagRoleIds,
  flagRolesAllowingRulesetChanges,
  lockedEntityRoles,
  openToEnvironmentEditors,
  projectRoleOrder,
  webOnlyRoles,
} from "../catalog/products/experimentation.ts";
import type { ActionRef, CompiledCatalog } from "./compiled-catalog.ts";
import type { RoleEntry } from "./role-entry.ts";

export class FeaturePolicy {
  /**
   * Rank of a Feature project / environment / flag role by role index (lower is wider); -1 for every other role,
   * and custom roles compiled later fall outside the arrays (undefined: read it as -1).
   */
  readonly projectRanks: Int8Array;
  readonly envRanks: Int8Array;
  readonly flagRanks: Int8Array;
  /**
   * Role sets as one byte per role index (1: in the set), read on the check path where a Set's hash lookup cost more
   * than the rest of the test; custom roles compiled later fall outside (undefined: not in the set).
   */
  private readonly locked: Uint8Array;
  private readonly webOnly: Uint8Array;
  private readonly flagAllows: Uint8Array;
  private readonly envEditors: Uint8Array;
  /** Project-layer actions open to environment editors, one byte per action entry bit. */
  private readonly openToEnvEditors: Uint8Array;
  /** `flag.permissions.manage`: its holder on a flag gives that flag's flag roles. */
  readonly flagPermissions: ActionRef;
  /** `environment.permissions.manage`: its holder on an environment gives the environment roles there. */
  readonly environmentPermissions: ActionRef;
  /** Default entity roles by project role index: [environment when production, when not, flag]. */
  private readonly defaults: Array<readonly [RoleEntry, RoleEntry, RoleEntry] | undefined> = [];

  constructor(catalog: CompiledCatalog) {
    const ranks = (ids: ReadonlyArray<string>): Int8Array => {
      const out = new Int8Array(catalog.roleList.length).fill(-1);
      ids.forEach((id, rank) => {
        out[catalog.role(id).index] = rank;
      });
      return out;
    };
    this.projectRanks = ranks(
      projectRoleOrder.filter((id) => !(webOnlyRoles as ReadonlyArray<string>).includes(id)),
    );
    this.envRanks = ranks(environmentRoleIds);
    this.flagRanks = ranks(flagRoleIds);
    const roles = (ids: ReadonlyArray<string>): Uint8Array => {
      const out = new Uint8Array(catalog.roleList.length);
      for (const id of ids) out[catalog.role(id).index] = 1;
      return out;
    };
    this.locked = roles(lockedEntityRoles);
    this.webOnly = roles(webOnlyRoles);
    this.flagAllows = roles(flagRolesAllowingRulesetChanges);
    this.envEditors = roles(environmentEditorOrAbove);
    this.openToEnvEditors = new Uint8Array(catalog.entries.length);
    for (const id of openToEnvironmentEditors)
      for (const entry of catalog.variants(catalog.action(id))) this.openToEnvEditors[entry.bit] = 1;
    this.flagPermissions = catalog.action(flagPermissionsAction);
    this.environmentPermissions = catalog.action(environmentPermissionsAction);
    for (const id of projectRoleOrder) {
      const role = catalog.role(id);
      this.defaults[role.index] = [
        catalog.role(defaultEnvironmentRole(id, true)),
        catalog.role(defaultEnvironmentRole(id, false)),
        catalog.role(defaultFlagRole(id)),
      ];
    }
  }

  /** A project role whose holders' environment and flag roles are locked at the full default. */
  isLocked(projectRole: RoleEntry): boolean {
    return this.locked[projectRole.index] === 1;
  }
  /** A flag role (flag-admin … flag-none). */
  isFlagRole(role: RoleEntry): boolean {
    return (this.flagRanks[role.index] ?? -1) >= 0;
  }
  /** An environment role (env-admin … env-viewer). */
  isEnvironmentRole(role: RoleEntry): boolean {
    return (this.envRanks[role.index] ?? -1) >= 0;
  }
  /** A role that exists only on Web projects. */
  isWebOnly(role: RoleEntry): boolean {
    return this.webOnly[role.index] === 1;
  }
  flagAllowsRulesetChanges(flagRole: RoleEntry): boolean {
    return this.flagAllows[flagRole.index] === 1;
  }
  /** A role of environment editor or above (by role index). */
  isEnvEditor(roleIndex: number): boolean {
    return this.envEditors[roleIndex] === 1;
  }
  /** A project-layer action (by entry bit) that environment editors may take too (flag and audience creation). */
  openToEnvEditorsAt(bit: number): boolean {
    return this.openToEnvEditors[bit] === 1;
  }
  /** Whether the project role's default environment role depends on the `production` attribute. */
  dependsOnProduction(projectRole: RoleEntry): boolean {
    const d = this.defaultsOf(projectRole);
    return d[0] !== d[1];
  }
  defaultEnvironment(projectRole: RoleEntry, production: boolean): RoleEntry {
    return this.defaultsOf(projectRole)[production ? 0 : 1];
  }
  defaultFlag(projectRole: RoleEntry): RoleEntry {
    return this.defaultsOf(projectRole)[2];
  }

  private defaultsOf(projectRole: RoleEntry): readonly [RoleEntry, RoleEntry, RoleEntry] {
    return this.defaults[projectRole.index] as readonly [RoleEntry, RoleEntry, RoleEntry];
  }
}

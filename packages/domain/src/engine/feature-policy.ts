// Feature Experimentation's granular roles compiled to role entries: ranks of project roles,
// the default environment and flag role each gives, and which entity roles are locked.
import {
  defaultEnvironmentRole,
  defaultFlagRole,
  environmentEditorOrAbove,
  environmentRoleIds,
  flagRoleIds,
  flagRolesAllowingRulesetChanges,
  lockedEntityRoles,
  openToEnvironmentEditors,
  projectRoleOrder,
  webOnlyRoles,
} from "../catalog/products/experimentation.ts";
import type { CompiledCatalog } from "./compiled-catalog.ts";
import type { RoleEntry } from "./role-entry.ts";

export class FeaturePolicy {
  /** Rank of a Feature project role by role index (lower is wider); absent for every other role. */
  private readonly projectRank = new Map<number, number>();
  private readonly envRank = new Map<number, number>();
  private readonly flagRank = new Map<number, number>();
  private readonly locked: ReadonlySet<number>;
  private readonly flagAllows: ReadonlySet<number>;
  readonly envEditors: ReadonlySet<number>;
  readonly openToEnvEditors: ReadonlySet<string>;
  private readonly defaults = new Map<string, RoleEntry>();

  constructor(private readonly catalog: CompiledCatalog) {
    projectRoleOrder
      .filter((id) => !(webOnlyRoles as ReadonlyArray<string>).includes(id))
      .forEach((id, rank) => {
        this.projectRank.set(catalog.role(id).index, rank);
      });
    environmentRoleIds.forEach((id, rank) => {
      this.envRank.set(catalog.role(id).index, rank);
    });
    flagRoleIds.forEach((id, rank) => {
      this.flagRank.set(catalog.role(id).index, rank);
    });
    this.locked = new Set(lockedEntityRoles.map((id) => catalog.role(id).index));
    this.flagAllows = new Set(flagRolesAllowingRulesetChanges.map((id) => catalog.role(id).index));
    this.envEditors = new Set(environmentEditorOrAbove.map((id) => catalog.role(id).index));
    this.openToEnvEditors = new Set(openToEnvironmentEditors);
  }

  projectRankOf(role: RoleEntry): number | undefined {
    return this.projectRank.get(role.index);
  }
  envRankOf(role: RoleEntry): number | undefined {
    return this.envRank.get(role.index);
  }
  flagRankOf(role: RoleEntry): number | undefined {
    return this.flagRank.get(role.index);
  }
  isLocked(projectRole: RoleEntry): boolean {
    return this.locked.has(projectRole.index);
  }
  flagAllowsRulesetChanges(flagRole: RoleEntry): boolean {
    return this.flagAllows.has(flagRole.index);
  }
  /** Whether the project role's default environment role depends on the `production` attribute. */
  dependsOnProduction(projectRole: RoleEntry): boolean {
    return defaultEnvironmentRole(projectRole.id, true) !== defaultEnvironmentRole(projectRole.id, false);
  }
  defaultEnvironment(projectRole: RoleEntry, production: boolean): RoleEntry {
    return this.cached(defaultEnvironmentRole(projectRole.id, production));
  }
  defaultFlag(projectRole: RoleEntry): RoleEntry {
    return this.cached(defaultFlagRole(projectRole.id));
  }

  private cached(id: string): RoleEntry {
    let r = this.defaults.get(id);
    if (r === undefined) {
      r = this.catalog.role(id);
      this.defaults.set(id, r);
    }
    return r;
  }
}

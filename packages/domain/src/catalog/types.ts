// The shape of the product catalog: products, their actions and their system roles, as typed data.
// Every product module under ./products exports one `ProductDef`; the engine compiles them once.
import type { ActionId, ProductId, RoleId } from "../model/ids.ts";
import type { Condition } from "./condition.ts";

/** Experimentation projects are Web or Feature; their action tables differ. */
export type Platform = "web" | "feature";

/**
 * Which role decides a Feature Experimentation action (spec, granular roles):
 * `ruleset` uses the environment role capped by the flag role, `environment` the environment role alone,
 * `flag` the flag role, `project` the project role.
 */
export type FeatureLayer = "project" | "ruleset" | "environment" | "flag" | "audience";

/** Where in the scope path a role may be granted. */
export type ScopeLevel = "org" | "product" | "instance" | "project" | "environment" | "flag";

export interface ActionDef {
  readonly id: ActionId;
  readonly label: string;
  /** Set for Experimentation actions: the project platform whose table defines it. */
  readonly platform?: Platform;
  /** Feature Experimentation only: which granular role decides the action. */
  readonly layer?: FeatureLayer;
  /** A condition every holder must meet, whatever the role (e.g. PIM approval of assigned products). */
  readonly condition?: Condition;
}

/** One permission of a role: an action, optionally on one platform only, optionally conditioned. */
export interface PermissionDef {
  readonly action: ActionId;
  readonly platform?: Platform;
  readonly when?: Condition;
}

export interface RoleDef {
  readonly id: RoleId;
  readonly product: ProductId;
  readonly label: string;
  readonly description: string;
  readonly permissions: ReadonlyArray<PermissionDef>;
  /** Roles this one counts as at the same scope (Experimentation administrator ⇒ Admin Center instance admin). */
  readonly implies?: ReadonlyArray<RoleId>;
  /** Scope levels where the role may be granted; omitted means any level at or below its product. */
  readonly levels?: ReadonlyArray<ScopeLevel>;
}

/** An action that no single role grants: the subject must hold a role from every set, at covering scopes. */
export interface ConjunctionDef {
  readonly action: ActionId;
  readonly allOf: ReadonlyArray<ReadonlyArray<RoleId>>;
}

/** The roles that confer the Admin Center's admin levels, from the widest. */
export interface AdminLevelRoles {
  readonly superAdmin: RoleId;
  readonly productAdmin: RoleId;
  readonly instanceAdmin: RoleId;
  readonly projectOwner: RoleId;
}

export interface ProductDef {
  readonly id: ProductId;
  readonly label: string;
  /** The seed document the product's facts come from. */
  readonly source: string;
  readonly actions: ReadonlyArray<ActionDef>;
  readonly roles: ReadonlyArray<RoleDef>;
  /**
   * Whether custom roles may be created for the product (false for Admin Center, Configured Commerce and
   * Experimentation, seed 002). The one truth the custom-role rule (rules/custom-role.ts) and the apps read.
   */
  readonly customRoles: boolean;
  /** For a product without custom roles: what gives the access instead, told to whoever asks for one. */
  readonly customRolesInstead?: string;
  /** How people name a grant over the whole product ("all environments"); "product-wide" when not set. */
  readonly productWide?: string;
  readonly conjunctions?: ReadonlyArray<ConjunctionDef>;
  /** Per-instance seat limits: at most `limit` holders of `roles` together. */
  readonly seatLimits?: ReadonlyArray<{ readonly roles: ReadonlyArray<RoleId>; readonly limit: number }>;
  /**
   * Set on the product that administers the others (the Admin Center): the roles conferring each admin level.
   * Its actions apply to every product's resources, its roles are granted at any product's scope, and only a
   * super admin gives them.
   */
  readonly adminLevels?: AdminLevelRoles;
  /**
   * The product's own administrator role, which implies an Admin Center level: an instance admin holding it gives
   * every role and permission of the product in its instance (Experimentation's administrator).
   */
  readonly administrator?: RoleId;
  /** The product's projects have Admin Center project owners, who add these project roles and every entity role. */
  readonly projectOwnersGive?: ReadonlyArray<RoleId>;
  /**
   * Its roles may be held by a partner organization's users at a customer's scopes, once the partner has enabled
   * the product (Mission Control). No other product's roles reach across organizations.
   */
  readonly partnerRoles?: boolean;
}

// What nobody does to itself, whatever its rights (docs/decisions.md#users): remove itself from the account, remove,
// re-role or time-limit a Super Admin grant reaching it, or leave or delete a group giving it Super Admin.
import { adminLevels } from "../catalog/products/admin-center.ts";

/** The role of an organization's super admins, given at the organization. */
export const SUPER_ADMIN_ROLE: string = adminLevels.superAdmin;

/** Why `actor` may never remove account `target` from the organization; undefined when it may ask. */
export const ownRemovalRefusal = (actor: string, target: string): string | undefined =>
  actor === target
    ? "You cannot remove yourself from the account: another super admin of the organization can"
    : undefined;

/** A change to a stored grant: removing it, or updating its role or expiry (`null` lifts the expiry). */
export type GrantEdit =
  | { readonly kind: "remove" }
  | {
      readonly kind: "update";
      readonly role?: string | undefined;
      readonly expiresAt?: Date | null | undefined;
    };

/**
 * Why the actor may never make `change` to a grant of `role` that reaches it (`reachesActor`: given to the actor
 * itself, or to a group the actor is a member of); undefined when it may ask. A super admin does not end, hand
 * down or put an expiry on its own Super Admin grant: another super admin of the organization does. Lifting an
 * expiry, and changes to anyone else's grant, are asked as usual.
 */
export const ownGrantRefusal = (
  grant: { readonly role: string | null; readonly reachesActor: boolean },
  change: GrantEdit,
): string | undefined => {
  if (!grant.reachesActor || grant.role !== SUPER_ADMIN_ROLE) return undefined;
  if (change.kind === "remove") return refusal("remove");
  if (change.role !== undefined && change.role !== SUPER_ADMIN_ROLE) return refusal("change the role of");
  if (change.expiresAt !== undefined && change.expiresAt !== null) return refusal("set an expiry on");
  return undefined;
};

const refusal = (what: string) =>
  `You cannot ${what} your own Super Admin grant: another super admin of the organization can`;

/**
 * Why the actor may never `leave` a custom group (take itself out of it) or `delete` one it is a member of
 * (`takesActor`), when one of the group's grants (`roles`) is Super Admin; undefined when it may ask.
 */
export const ownGroupRefusal = (
  group: { readonly roles: ReadonlyArray<string | null>; readonly takesActor: boolean },
  change: "leave" | "delete",
): string | undefined =>
  group.takesActor && group.roles.includes(SUPER_ADMIN_ROLE)
    ? `You cannot ${change} a group that makes you a super admin: another super admin of the organization can`
    : undefined;

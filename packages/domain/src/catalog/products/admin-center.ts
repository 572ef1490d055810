// Opti ID Admin Center (seeds 001, 002): four admin levels plus Roles Admin, granted at the scopes they administer.
// Custom-role management needs super admin, or Roles Admin together with an admin level covering the scope.
import { actionId, actionsOf, allExcept, productId, role, roleId } from "../define.ts";
import type { AdminLevelRoles, ProductDef } from "../types.ts";

const P = "admin-center";

const actions = actionsOf(P, [
  ["product.view", "View products"],
  ["instance.view", "View instances"],
  ["user.invite", "Invite users"],
  ["user.view", "View users and their entitlements"],
  ["user.edit-role", "Change a user's role"],
  ["user.remove-access", "Remove a user's access from an instance or project"],
  ["user.delete", "Delete a user from an instance or project"],
  ["user.deactivate", "Deactivate and reactivate accounts"],
  ["group.manage", "Manage groups"],
  ["role.view", "View roles"],
  ["custom-role.create", "Create custom roles"],
  ["custom-role.delete", "Delete custom roles"],
  ["org.manage", "Manage the organization's instances and API keys"],
]);

const userActions = ["user.invite", "user.view", "user.edit-role", "user.remove-access", "user.delete"];
/** Exported for the rules about super admins (rules/own-standing.ts). */
export const adminLevels: AdminLevelRoles = {
  superAdmin: roleId(P, "super-admin"),
  productAdmin: roleId(P, "product-admin"),
  instanceAdmin: roleId(P, "instance-admin"),
  projectOwner: roleId(P, "project-owner"),
};
/** Custom-role management needs one of these below super admin (a super admin holds every action anyway). */
const scopedLevels = [adminLevels.productAdmin, adminLevels.instanceAdmin, adminLevels.projectOwner];

export const adminCenter: ProductDef = {
  id: productId(P),
  label: "Opti ID Admin Center",
  source: "001_6d5d832df44f4736.txt",
  // Seed 002: no custom Admin Center roles; seed 001's "restricted admin access" is an admin level at a place.
  customRoles: false,
  customRolesInstead:
    "restricted admin access is given with the admin levels: grant admin-center:instance-admin or admin-center:project-owner where the access should reach",
  adminLevels,
  actions,
  roles: [
    role(
      P,
      "super-admin",
      "Super Admin",
      "Everything in the Admin Center, including custom roles; lands on Products.",
      allExcept(actions, P, []),
      { levels: ["org"] },
    ),
    role(
      P,
      "product-admin",
      "Product Admin",
      "Products, groups and roles of its products; lands on Products, or the instances of its only product.",
      ["product.view", "instance.view", ...userActions, "group.manage", "role.view"],
      { levels: ["product"] },
    ),
    role(
      P,
      "instance-admin",
      "Instance Admin",
      "Only its product instances and their users.",
      ["instance.view", ...userActions],
      { levels: ["instance"] },
    ),
    role(
      P,
      "project-owner",
      "Project Owner",
      "The Experimentation projects and users it is entitled to; lands on its only project's users.",
      userActions,
      { levels: ["project"] },
    ),
    role(
      P,
      "roles-admin",
      "Roles Admin",
      "Manages system roles and creates custom roles, bounded by the holder's admin level and scope.",
      ["role.view"],
    ),
  ],
  conjunctions: [
    { action: actionId(P, "custom-role.create"), allOf: [[roleId(P, "roles-admin")], scopedLevels] },
    { action: actionId(P, "custom-role.delete"), allOf: [[roleId(P, "roles-admin")], scopedLevels] },
  ],
};

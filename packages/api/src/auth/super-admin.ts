// "Is this user super admin of its organization?", asked of the engine: creating custom roles at the
// organization itself is an action only Super Admin holds there (other admin levels sit lower in the tree).
import { type Engine, UnknownSubject } from "@gatehouse/domain";

/** The action whose organization-level permission only Super Admin has (Roles Admin needs a lower level). */
const superAdminProbe = "admin-center:custom-role.create";

/** True when `user` may create custom roles at the root of `org`; false for anyone the engine does not know. */
export const isSuperAdmin = (engine: Engine, user: string, org: string): boolean => {
  try {
    return engine.check(user, superAdminProbe, { org }) === "allow";
  } catch (cause) {
    if (cause instanceof UnknownSubject) return false;
    throw cause;
  }
};

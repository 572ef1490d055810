// "Is this user super admin of its organization?", asked of the engine: managing the organization (its instances
// and API keys) is an action only Super Admin holds.
import { type Engine, UnknownSubject } from "@gatehouse/domain";

/** The action only Super Admin holds. */
const superAdminProbe = "admin-center:org.manage";

/** True when `user` may manage `org`; false for anyone the engine does not know. */
export const isSuperAdmin = (engine: Engine, user: string, org: string): boolean => {
  try {
    return engine.check(user, superAdminProbe, { org }) === "allow";
  } catch (cause) {
    if (cause instanceof UnknownSubject) return false;
    throw cause;
  }
};

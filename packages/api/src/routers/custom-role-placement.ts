// Roles as one organization sees them: a custom role of another organization is as unknown as a made-up role,
// and a custom role is granted only in its organization and inside the instance it was created for (its projects).
import { checkCustomRolePlacement as checkPlacement, type Scope } from "@gatehouse/domain";
import { type RoleRecord, Roles } from "@gatehouse/store";
import { Effect, identity, Option, Result } from "effect";
import type { Store } from "../authorize.ts";
import { badRequest } from "../refusals.ts";

/** What a made-up role gets from the engine (UnknownRole), word for word. */
const unknownRole = (role: string) => badRequest(`Unknown role "${role}"`);

/**
 * The role `role` as `org` sees it: a system role or one of `org`'s custom roles. Any other (missing, or another
 * organization's custom role) is refused exactly as the engine refuses a made-up role, so a declaration may
 * call it before authorization without telling whether another organization has that role.
 */
export const roleIn = async (store: Store, role: string, org: string): Promise<RoleRecord> => {
  const found = await store.run(Effect.option(Roles.use((roles) => roles.get(role))));
  if (Option.isNone(found) || (found.value.type === "custom" && found.value.org !== org))
    throw unknownRole(role);
  return found.value;
};

/**
 * BAD_REQUEST naming `field` when `role` (as `roleIn` found it) cannot be granted at `scope`: a custom role of
 * another organization than the scope's is unknown there (as a made-up one); inside it, the domain's placement
 * rule (rules/custom-role.ts). It tells the instance of a role of the actor's own organization only.
 */
export const checkCustomRolePlacement = (role: RoleRecord, scope: Scope, field = "role"): void => {
  if (role.type === "system") return;
  if (role.org !== scope.org) throw unknownRole(role.id);
  Result.getOrThrowWith(checkPlacement(role, scope, field), identity);
};

// The users export (Opti ID's): one row per user and role it holds at the listed place, with the product,
// instance and project by name; a user of the list holding no role there gets one row without a role.
import { type Engine, type Scope, scopeCovers } from "@gatehouse/domain";
import type { GrantRecord, UserRecord } from "@gatehouse/store";
import type { PlaceNames } from "../names/place-names.ts";
import { productName } from "../names/place-names.ts";

export const userCsvHeader = ["Email", "Name", "Status", "Product", "Instance", "Project", "Role", "Expires"];

/** Does the grant reach the listed place, or lie inside it (the grants a list of that place is about)? */
export const touches = (place: Scope, grant: GrantRecord): boolean =>
  grant.scope.org === place.org && (scopeCovers(place, grant.scope) || scopeCovers(grant.scope, place));

/** The rows of `user`: its grants touching the place (`grants`), by name. */
export const userCsvRows = (
  user: UserRecord,
  grants: ReadonlyArray<GrantRecord>,
  engine: Engine,
  places: PlaceNames,
): ReadonlyArray<ReadonlyArray<string>> => {
  const person = [user.email, user.name, user.status];
  if (grants.length === 0) return [[...person, "", "", "", "", ""]];
  return grants.map((g) => [
    ...person,
    g.scope.product === undefined ? "All products" : productName(g.scope.product),
    g.scope.instance === undefined ? "" : places.name("instance", g.scope.instance),
    g.scope.project === undefined ? "" : places.name("project", g.scope.project),
    g.role === null ? `Permission ${g.permission ?? ""}` : (engine.roleName(g.role) ?? g.role),
    g.expiresAt === null ? "" : g.expiresAt.toISOString(),
  ]);
};

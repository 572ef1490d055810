// Remove access and Delete user act on grants inside a place: a user holding none there has nothing to remove, and
// is refused saying so, or where its roles there come from (above it, a group) (docs/decisions.md#users).
import type { Scope } from "@gatehouse/domain";
import { type ListedPlace, type ReachingGrant, UserDirectory, type UserRecord } from "@gatehouse/store";
import type { Store } from "../authorize.ts";
import { placeNamer } from "../names/place-names.ts";
import { badRequest, notFound } from "../refusals.ts";
import { heldElsewhere } from "./reach-words.ts";
import { checkPlaces } from "./scope-places.ts";

/** The place of a user list that `scope` is (its product, instance and project). */
export const listedPlace = (scope: Scope): ListedPlace => ({
  product: scope.product,
  instance: scope.instance,
  project: scope.project,
});

/** The grants reaching `scope` that reach `userId`, directly or through its groups, wherever they sit. */
export const reachingUser = (
  store: Store,
  scope: Scope,
  userId: string,
): Promise<ReadonlyArray<ReachingGrant>> =>
  store.run(UserDirectory.use((directory) => directory.reach(scope.org, listedPlace(scope), [userId])));

/**
 * Refuses (BAD_REQUEST) removing `user`, holding no grant inside `scope`, from it: saying where its roles there come
 * from (above it, or through a group), or that it holds none there; to a reader who may not view the whole
 * organization (`seesEveryone`), a person nothing reaches there is NOT_FOUND, as users.get answers. A place that is
 * not the organization's is left to the call's own answer (another organization's place answers as a made-up one).
 */
export const refuseNothingHere = async (
  store: Store,
  scope: Scope,
  user: UserRecord,
  seesEveryone: boolean,
): Promise<void> => {
  const ours = await checkPlaces(store, scope, "scope").then(
    () => true,
    () => false,
  );
  if (!ours) return;
  const reaching = await reachingUser(store, scope, user.id);
  // Nothing reaches the person here: a reader who may not view the whole organization does not find it (users.get).
  if (reaching.length === 0 && !seesEveryone) throw notFound("user", user.id);
  const placeName = await nameOfPlace(store, scope);
  if (reaching.length > 0)
    throw badRequest(heldElsewhere(user.name, placeName, listedPlace(scope), reaching));
  throw badRequest(`userId: ${user.name} holds no role at ${placeName}; there is nothing to remove`);
};

/** The instance's or project's name that `scope` is, as lists show it. */
const nameOfPlace = async (store: Store, scope: Scope): Promise<string> => {
  const names = await placeNamer(store, [scope]);
  return scope.project === undefined
    ? names.name("instance", scope.instance ?? "")
    : names.name("project", scope.project);
};

// Partner access requests as people read them: the customer and partner organizations, the instance, the role asked
// and the role granted by name, and the requester by name and email (its own request, or a partner user who asked).
import type { Engine } from "@gatehouse/domain";
import { type AccessRequestRecord, Grants, Users } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";
import type { Person } from "./people.ts";
import { placeNamer } from "./place-names.ts";

/**
 * Names the places, roles and requesters of `requests`; pass only requests the reader may see (its own, or
 * those addressed to an organization it administers: a requester is visible to the customer it asked). The
 * customer's own names (the organization, the instance) only where `knows` says the reader knows that customer
 * (its own organization, or one granting it roles): a pending request reveals nothing of the customer asked.
 */
export const accessRequestNamer = async (
  store: Store,
  engine: Engine,
  requests: ReadonlyArray<AccessRequestRecord>,
  knows: (customerOrg: string) => boolean,
) => {
  const places = await placeNamer(
    store,
    requests.flatMap((r) => [
      { org: r.customerOrg, ...(r.instance === null ? {} : { instance: r.instance }) },
      { org: r.partnerOrg },
    ]),
  );
  // The role an approval granted (a customer may grant another than the one asked), while its grant exists.
  const granted = new Map<string, string>();
  await store.run(
    Effect.forEach(
      requests.flatMap((r) => (r.grantId === null ? [] : [r.grantId])),
      (id) =>
        Effect.map(Effect.option(Grants.use((grants) => grants.get(id))), (found) =>
          Option.isSome(found) && found.value.role !== null ? granted.set(id, found.value.role) : granted,
        ),
    ),
  );
  const people = new Map<string, Person>();
  await store.run(
    Effect.forEach(new Set(requests.map((r) => r.userId)), (id) =>
      Effect.map(Effect.option(Users.use((users) => users.get(id))), (found) =>
        Option.isSome(found)
          ? people.set(id, { id, name: found.value.name, email: found.value.email })
          : people,
      ),
    ),
  );
  return (request: AccessRequestRecord) => {
    const known = knows(request.customerOrg);
    const roleGranted = request.grantId === null ? undefined : granted.get(request.grantId);
    return {
      customerName: known ? places.name("org", request.customerOrg) : null,
      partnerName: places.name("org", request.partnerOrg),
      instanceName: known && request.instance !== null ? places.name("instance", request.instance) : null,
      roleName: engine.roleName(request.requestedRole) ?? request.requestedRole,
      grantedRoleName: roleGranted === undefined ? null : (engine.roleName(roleGranted) ?? roleGranted),
      requester: people.get(request.userId) ?? { id: request.userId, name: null, email: null },
    };
  };
};

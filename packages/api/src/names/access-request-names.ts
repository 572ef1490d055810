// Partner access requests as people read them: the customer and partner organizations, the instance and the
// role by name, and the requester by name and email (its own request, or a partner user who asked the customer).
import type { Engine } from "@gatehouse/domain";
import { type AccessRequestRecord, Users } from "@gatehouse/store";
import { Effect, Option } from "effect";
import type { Store } from "../authorize.ts";
import type { Person } from "./people.ts";
import { placeNamer } from "./place-names.ts";

/**
 * Names the places, roles and requesters of `requests`; pass only requests the reader may see (its own, or
 * those addressed to an organization it administers: a requester is visible to the customer it asked).
 */
export const accessRequestNamer = async (
  store: Store,
  engine: Engine,
  requests: ReadonlyArray<AccessRequestRecord>,
) => {
  const places = await placeNamer(
    store,
    requests.flatMap((r) => [
      { org: r.customerOrg, ...(r.instance === null ? {} : { instance: r.instance }) },
      { org: r.partnerOrg },
    ]),
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
  return (request: AccessRequestRecord) => ({
    customerName: places.name("org", request.customerOrg),
    partnerName: places.name("org", request.partnerOrg),
    instanceName: request.instance === null ? null : places.name("instance", request.instance),
    roleName: engine.roleName(request.requestedRole) ?? request.requestedRole,
    requester: people.get(request.userId) ?? { id: request.userId, name: null, email: null },
  });
};

// The audit log records actors by id; admins know people by name or email, as the log shows them. An actor filter
// is looked up among the people who acted in what the reader reads (audit.actors), partner users included.
import { type GatehouseClient, useGatehouse } from "@gatehouse/client";
import { useCallback } from "react";

/** The id to search the log by, or the people the text names when it names more than one. */
export type ActorLookup =
  | { readonly id: string }
  | { readonly several: ReadonlyArray<{ readonly name: string | null; readonly email: string | null }> };

const actorId = async (client: GatehouseClient, org: string, actor: string): Promise<ActorLookup> => {
  const found = await client.audit.actors.query({ org, text: actor });
  const [only, ...others] = found;
  // Nobody by that name or email acted here: left as typed, so an id still works (and finds nothing otherwise).
  if (only === undefined) return { id: actor };
  return others.length === 0 ? { id: only.id } : { several: found };
};

/** Looks an actor filter (a name, an email or an id) up to the id the log is searched by. */
export const useActorId = (org: string) => {
  const client = useGatehouse();
  return useCallback((actor: string) => actorId(client, org, actor), [client, org]);
};

// The audit log records actors by id; admins know people by name or email, as the log shows them. An actor
// filter holding a name or an email is turned into that user's id through the directory (left as typed when
// the directory has no single user of that name or email, so an id still works).
import { type GatehouseClient, useGatehouse } from "@gatehouse/client";
import { useCallback } from "react";

const actorId = async (client: GatehouseClient, org: string, actor: string): Promise<string> => {
  const typed = actor.toLowerCase();
  const page = await client.users.list.query({ org, search: actor, limit: 5 }).catch(() => undefined);
  const matches = (page?.items ?? []).filter(
    (user) => user.email.toLowerCase() === typed || user.name.toLowerCase() === typed,
  );
  return matches.length === 1 ? (matches[0]?.id ?? actor) : actor;
};

/** Resolves an actor filter (a name, an email or an id) to the id the log is searched by. */
export const useActorId = (org: string) => {
  const client = useGatehouse();
  return useCallback((actor: string) => actorId(client, org, actor), [client, org]);
};

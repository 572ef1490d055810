// The audit log records actors by id; admins know people by email. An actor filter holding an email is
// turned into that user's id through the directory (left as typed when the directory has no such user).
import { type GatehouseClient, useGatehouse } from "@gatehouse/client";
import { useCallback } from "react";

const actorId = async (client: GatehouseClient, org: string, actor: string): Promise<string> => {
  if (!actor.includes("@")) return actor;
  const page = await client.users.list.query({ org, search: actor, limit: 5 }).catch(() => undefined);
  const match = page?.items.find((user) => user.email.toLowerCase() === actor.toLowerCase());
  return match?.id ?? actor;
};

/** Resolves an actor filter (an id or an email) to the id the log is searched by. */
export const useActorId = (org: string) => {
  const client = useGatehouse();
  return useCallback((actor: string) => actorId(client, org, actor), [client, org]);
};

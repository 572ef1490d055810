// One environment's or flag's roles as the server serves them to whoever manages them (environments.roles,
// flags.roles): who holds one there by name, the roles by name, and the project's collaborators to give one to.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { skipToken, useQuery } from "@tanstack/react-query";

/** The entities holding roles of their own: an environment, or a flag (one role in every environment). */
export type EntityKind = "environment" | "flag";
export type EntityRoles = RouterOutputs["environments"]["roles"];
export type Holder = EntityRoles["holders"][number];
export type Candidate = EntityRoles["collaborators"][number];

/** The roles of the environment or flag `id`, read from its own procedure. */
export const useEntityRoles = (kind: EntityKind, id: string) => {
  const trpc = useTRPC();
  const environment = useQuery(
    trpc.environments.roles.queryOptions(kind === "environment" ? { id } : skipToken),
  );
  const flag = useQuery(trpc.flags.roles.queryOptions(kind === "flag" ? { id } : skipToken));
  return kind === "environment" ? environment : flag;
};

/** Where the flags page links to manage an entity's roles. */
export const entityRolesPath = (project: string, kind: EntityKind, id: string) =>
  `/projects/${project}/${kind === "environment" ? "environments" : "flags"}/${id}/roles`;

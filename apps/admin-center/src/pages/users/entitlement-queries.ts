// The user details page's reads: the user with its grants inside the context (users.get), the names of roles
// (system and the organization's custom ones), and the roles the admin may give at a grant's place.
import { type Resource, useTRPC } from "@gatehouse/client";
import { skipToken, useQuery } from "@tanstack/react-query";

export const useUserDetails = (id: string, context: Resource) => {
  const trpc = useTRPC();
  return useQuery(trpc.users.get.queryOptions({ id, context }));
};

/** A role's name by id (a single permission's grant shows the permission). */
export const useRoleNames = () => {
  const trpc = useTRPC();
  const roles = useQuery(trpc.roles.list.queryOptions({}));
  return (role: string | null, permission: string | null): string => {
    if (role === null) return `Permission ${permission ?? ""}`;
    return roles.data?.find((r) => r.id === role)?.name ?? role;
  };
};

/** The roles grantable at `scope`, each with whether the signed-in admin may give it there and why. */
export const useAssignableRoles = (scope: Resource | undefined) => {
  const trpc = useTRPC();
  return useQuery(trpc.assignable.roles.queryOptions(scope === undefined ? skipToken : { scopes: [scope] }));
};

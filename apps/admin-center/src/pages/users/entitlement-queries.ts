// The user details page's reads: the user with its grants inside the context (users.get), the names of roles
// (system and the organization's custom ones), and the roles the admin may give at a grant's place.
import { type Resource, useGatehouse } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export const useUserDetails = (id: string, context: Resource) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["users.get", id, context],
    queryFn: () => client.users.get.query({ id, context }),
  });
};

/** A role's name by id (a single permission's grant shows the permission). */
export const useRoleNames = () => {
  const client = useGatehouse();
  const roles = useQuery({ queryKey: ["roles.list", "all"], queryFn: () => client.roles.list.query({}) });
  return (role: string | null, permission: string | null): string => {
    if (role === null) return `Permission ${permission ?? ""}`;
    return roles.data?.find((r) => r.id === role)?.name ?? role;
  };
};

/** The roles grantable at `scope`, each with whether the signed-in admin may give it there and why. */
export const useAssignableRoles = (scope: Resource | undefined) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["assignable.roles", scope],
    enabled: scope !== undefined,
    queryFn: () => client.assignable.roles.query({ scopes: [scope as Resource] }),
  });
};

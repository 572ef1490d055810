// The panel's reads: the collaborator with its grants on the project and, when the viewer may see the
// instance, instance-wide (administrators); the catalog's Feature role facts; and which entity roles and
// permissions the signed-in admin may give.
import { errorCode, type Resource, useGatehouse } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

/** The collaborator and its grants inside the project, plus its instance-wide grants when visible. */
export const useCollaborator = (user: string, projectScope: Resource | undefined) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["users.get", user, projectScope, "with-instance"],
    enabled: projectScope !== undefined,
    queryFn: async () => {
      const context = projectScope as Resource;
      const { project: _project, ...instanceScope } = context;
      const [inProject, inInstance] = await Promise.all([
        client.users.get.query({ id: user, context }),
        client.users.get.query({ id: user, context: instanceScope }).catch((error: unknown) => {
          // A project owner may not view the instance: its project-level view is the whole story it sees.
          if (errorCode(error) === "FORBIDDEN") return undefined;
          throw error;
        }),
      ]);
      const ids = new Set(inProject.grants.map((g) => g.id));
      const instanceWide = (inInstance?.grants ?? []).filter(
        (g) => !ids.has(g.id) && g.scope.project === undefined,
      );
      return { user: inProject.user, grants: [...inProject.grants, ...instanceWide] };
    },
  });
};

/** The Feature project roles' defaults and locks, from the catalog (the same for everyone, never stale). */
export const useFeatureRoles = () => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["catalog.featureRoles"],
    queryFn: () => client.catalog.featureRoles.query(),
    staleTime: Number.POSITIVE_INFINITY,
  });
};

/** Whether the signed-in admin may give each entity role at every one of `scopes`, and why not. */
export const useAssignable = (scopes: ReadonlyArray<Resource>) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["assignable.roles", scopes],
    enabled: scopes.length > 0,
    queryFn: () => client.assignable.roles.query({ scopes: scopes.slice(0, 20) }),
  });
};

/** Whether the signed-in admin may give (or take back) the single `permission` at `scope`, and why not. */
export const useAssignablePermission = (permission: string, scope: Resource) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["assignable.permissions", permission, scope],
    queryFn: async () => {
      const { permissions } = await client.assignable.permissions.query({ scope, permissions: [permission] });
      return permissions[0];
    },
  });
};

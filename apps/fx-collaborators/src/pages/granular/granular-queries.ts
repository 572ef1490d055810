// The panel's reads: the collaborator with its grants on the project and, when the viewer may see the instance,
// instance-wide (administrators); the catalog's Feature role facts; and which entity roles the admin may give.
import { errorCode, type Resource, useTRPC } from "@gatehouse/client";
import { skipToken, useQueries, useQuery } from "@tanstack/react-query";

/** The collaborator and its grants inside the project, plus its instance-wide grants when visible. */
export const useCollaborator = (user: string, projectScope: Resource | undefined) => {
  const trpc = useTRPC();
  const instanceScope = projectScope === undefined ? undefined : withoutProject(projectScope);
  return useQueries({
    queries: [
      trpc.users.get.queryOptions(
        projectScope === undefined ? skipToken : { id: user, context: projectScope },
      ),
      trpc.users.get.queryOptions(
        instanceScope === undefined ? skipToken : { id: user, context: instanceScope },
      ),
    ],
    combine: ([inProject, inInstance]) => {
      // A project owner may not view the instance: its project-level view is the whole story it sees.
      const instanceRefused = errorCode(inInstance.error) === "FORBIDDEN";
      const error = inProject.error ?? (instanceRefused ? null : inInstance.error);
      const refetch = () => Promise.all([inProject.refetch(), inInstance.refetch()]);
      const instanceGrants = instanceRefused ? [] : inInstance.data?.grants;
      if (inProject.data === undefined || instanceGrants === undefined)
        return { data: undefined, error, refetch };
      const ids = new Set(inProject.data.grants.map((g) => g.id));
      const instanceWide = instanceGrants.filter((g) => !ids.has(g.id) && g.scope.project === undefined);
      return {
        data: { user: inProject.data.user, grants: [...inProject.data.grants, ...instanceWide] },
        error,
        refetch,
      };
    },
  });
};

const withoutProject = ({ project: _project, ...instanceScope }: Resource): Resource => instanceScope;

/** The Feature project roles' defaults and locks, from the catalog (the same for everyone, never stale). */
export const useFeatureRoles = () => {
  const trpc = useTRPC();
  return useQuery(trpc.catalog.featureRoles.queryOptions(undefined, { staleTime: Number.POSITIVE_INFINITY }));
};

/** Whether the signed-in admin may give each entity role at every one of `scopes`, and why not. */
export const useAssignable = (scopes: ReadonlyArray<Resource>) => {
  const trpc = useTRPC();
  return useQuery(
    trpc.assignable.roles.queryOptions({ scopes: scopes.slice(0, 20) }, { enabled: scopes.length > 0 }),
  );
};

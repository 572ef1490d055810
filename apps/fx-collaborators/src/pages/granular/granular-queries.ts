// The panel's reads: the collaborator with its grants on the project and, when the viewer may see the instance,
// instance-wide (administrators); the catalog's Feature role facts and the roles' names.
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

/** Experimentation roles' names (catalog labels) by id, e.g. "No Flag Access" for flag-none. */
export const useRoleNames = () => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.catalog.products.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
    select: (products) =>
      new Map<string, string>(
        (products.find((p) => p.id === "experimentation")?.roles ?? []).map((r) => [r.id, r.label] as const),
      ),
  });
};

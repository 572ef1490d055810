// The panel's reads: the collaborator with its grants on the project and, when the viewer may see the instance,
// instance-wide (administrators); the catalog's Feature role facts and the roles' names.
import { errorCode, type Resource, useTRPC } from "@gatehouse/client";
import { skipToken, useQueries, useQuery } from "@tanstack/react-query";

/**
 * The roles reaching the project from above it (instance-wide, product-wide or through a group) as the project's
 * user list serves them: what a viewer who may not view the instance still sees of an administrator.
 */
const useRolesFromAbove = (user: string, email: string | undefined, projectScope: Resource | undefined) => {
  const trpc = useTRPC();
  const input =
    email === undefined || projectScope === undefined
      ? skipToken
      : { org: projectScope.org, scope: withoutOrg(projectScope), search: email };
  return useQuery({
    ...trpc.users.list.queryOptions(input),
    select: (page) =>
      (page.items.find((item) => item.id === user)?.access ?? []).flatMap((a) =>
        a.role !== null && (a.sitsAt.project ?? undefined) === undefined ? [a.role] : [],
      ),
  });
};

const NONE: ReadonlyArray<string> = [];

/**
 * The collaborator and its grants inside the project, plus its instance-wide grants when visible, else the roles
 * reaching the project from above as its user list shows them (`above`).
 */
export const useCollaborator = (user: string, projectScope: Resource | undefined) => {
  const instanceScope = projectScope === undefined ? undefined : withoutProject(projectScope);
  const both = useProjectAndInstance(user, projectScope, instanceScope);
  const above = useRolesFromAbove(user, both.refused ? both.data?.user.email : undefined, projectScope);
  if (!both.refused || both.data === undefined)
    return { ...both, data: both.data && { ...both.data, above: NONE } };
  return {
    data: above.data === undefined ? undefined : { ...both.data, above: above.data },
    error: both.error ?? above.error,
    refetch: () => Promise.all([both.refetch(), above.refetch()]),
  };
};

/** The collaborator's grants inside the project and, unless the viewer may not view it, in the instance. */
const useProjectAndInstance = (
  user: string,
  projectScope: Resource | undefined,
  instanceScope: Resource | undefined,
) => {
  const trpc = useTRPC();
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
        return { data: undefined, error, refetch, refused: instanceRefused };
      const ids = new Set(inProject.data.grants.map((g) => g.id));
      const instanceWide = instanceGrants.filter((g) => !ids.has(g.id) && g.scope.project === undefined);
      return {
        data: { user: inProject.data.user, grants: [...inProject.data.grants, ...instanceWide] },
        error,
        refetch,
        refused: instanceRefused,
      };
    },
  });
};

const withoutProject = ({ project: _project, ...instanceScope }: Resource): Resource => instanceScope;

/** A project's place below its organization, as a user list's `scope` names it. */
const withoutOrg = ({ product, instance, project }: Resource) => ({
  ...(product === undefined ? {} : { product }),
  ...(instance === undefined ? {} : { instance }),
  ...(project === undefined ? {} : { project }),
});

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

// The Feature Experimentation projects the signed-in user manages collaborators of (assignable.scopes: where the
// engine allows it admin-center:user.invite), each with the scope its grants and checks use.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

type Scopes = RouterOutputs["assignable"]["scopes"];

export interface FeatureProject {
  readonly id: string;
  readonly name: string;
  readonly instanceName: string;
  readonly scope: {
    readonly org: string;
    readonly product: string;
    readonly instance: string;
    readonly project: string;
  };
}

const EXPERIMENTATION = "experimentation";

/** The Feature projects among `scopes`, by instance then name. */
const featureProjects = (org: string, scopes: Scopes): ReadonlyArray<FeatureProject> =>
  scopes
    .filter((product) => product.id === EXPERIMENTATION)
    .flatMap((product) =>
      product.instances.flatMap((instance) =>
        instance.projects
          .filter((project) => project.platform === "feature")
          .map((project) => ({
            id: project.id,
            name: project.name,
            instanceName: instance.name,
            scope: { org, product: product.id, instance: instance.id, project: project.id },
          })),
      ),
    );

export const useFeatureProjects = (org: string | undefined) => {
  const trpc = useTRPC();
  return useQuery(
    trpc.assignable.scopes.queryOptions(undefined, {
      enabled: org !== undefined,
      select: (scopes) => featureProjects(org ?? "", scopes),
    }),
  );
};

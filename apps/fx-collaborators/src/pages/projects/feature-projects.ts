// The Feature Experimentation projects the signed-in collaborator works in, as the server lists them
// (projects.collaborating: the projects it may view), each with its instance's name, the scope its grants and
// checks use, and whether it manages the project's collaborators.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

type Collaborating = RouterOutputs["projects"]["collaborating"][number];

export interface FeatureProject {
  readonly id: string;
  readonly name: string;
  readonly instanceName: string;
  readonly scope: Collaborating["scope"];
  /** Whether the collaborator sees and invites the project's collaborators. */
  readonly manages: boolean;
}

const featureProject = (p: Collaborating): FeatureProject => ({
  id: p.id,
  name: p.name,
  instanceName: p.instance.name,
  scope: p.scope,
  manages: p.manages,
});

export const useFeatureProjects = (org: string | undefined) => {
  const trpc = useTRPC();
  return useQuery(
    trpc.projects.collaborating.queryOptions(undefined, {
      enabled: org !== undefined,
      select: (projects) => projects.map(featureProject),
    }),
  );
};

// The Experimentation projects the signed-in collaborator works in, as the server lists them (projects.collaborating:
// the projects it may view), Feature and Web apart, each with its instance, the scope its grants and checks use,
// and whether it manages the project's collaborators.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

type Collaborating = RouterOutputs["projects"]["collaborating"][number];

export interface FeatureProject {
  readonly id: string;
  readonly name: string;
  readonly instanceId: string;
  readonly instanceName: string;
  readonly scope: Collaborating["scope"];
  /** Whether the collaborator sees and invites the project's collaborators. */
  readonly manages: boolean;
}

/** A Web project: the same facts (its pages are its collaborators; it has no flags). */
export type WebProject = FeatureProject;

const featureProject = (p: Collaborating): FeatureProject => ({
  id: p.id,
  name: p.name,
  instanceId: p.instance.id,
  instanceName: p.instance.name,
  scope: p.scope,
  manages: p.manages,
});

const useProjectsOn = (org: string | undefined, platform: Collaborating["platform"]) => {
  const trpc = useTRPC();
  return useQuery(
    trpc.projects.collaborating.queryOptions(undefined, {
      enabled: org !== undefined,
      select: (projects) => projects.filter((p) => p.platform === platform).map(featureProject),
    }),
  );
};

/** The Feature projects the user works in. */
export const useFeatureProjects = (org: string | undefined) => useProjectsOn(org, "feature");

/** The Web projects the user works in (the same facts: a Web project's collaborators are managed alike). */
export const useWebProjects = (org: string | undefined) => useProjectsOn(org, "web");

// Where a Feature project sits (organization and instance), with its environments: the instances the user may
// view plus those its own grants name (explain lists them), then the instance whose projects include it.
import { type Resource, useGatehouse, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export interface ProjectPlace {
  readonly org: string;
  readonly instance: string;
  readonly name: string;
  /** The project's scope, as grants and checks name it. */
  readonly scope: Resource;
}

/** The project `project` of the signed-in user's organization with its instance; errors when none holds it. */
export const useProjectPlace = (project: string) => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const org = useSignedInOrg();
  return useQuery({
    // Read from three procedures: keyed under projects, whose path key the change stream invalidates.
    queryKey: [...trpc.projects.pathKey(), "place", org, project],
    enabled: org !== undefined,
    queryFn: async (): Promise<ProjectPlace> => {
      const home = org ?? "";
      const product = "experimentation";
      const [visible, mine] = await Promise.all([
        client.instances.list.query({ org: home, product }),
        client.authz.explain.query({
          action: "experimentation:project.view",
          resource: { org: home, product },
        }),
      ]);
      const candidates = new Set(visible.map((i) => i.id));
      for (const c of mine.considered)
        if (c.grant.scope.instance !== undefined) candidates.add(c.grant.scope.instance);
      for (const instance of candidates) {
        const found = (await client.projects.list.query({ org: home, instance })).find(
          (p) => p.id === project,
        );
        if (found !== undefined)
          return {
            org: home,
            instance,
            name: found.name,
            scope: { org: home, product, instance, project },
          };
      }
      throw new Error(`No project "${project}" among the Experimentation instances you work in`);
    },
  });
};

/** The project's environments, primary first. */
export const useEnvironments = (project: string) => {
  const trpc = useTRPC();
  return useQuery(trpc.projects.environments.list.queryOptions({ project }));
};

/** The project's flags with status and per-environment state. */
export const useFlags = (project: string) => {
  const trpc = useTRPC();
  return useQuery(trpc.flags.list.queryOptions({ project }));
};

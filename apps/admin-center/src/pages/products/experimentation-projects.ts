// Every Experimentation project of the organization with its instance: the instances the admin may view, plus
// those its own grants lie in (a project owner views no instance, yet its projects' instances are known to it).
import { useGatehouse, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";
import { EXPERIMENTATION } from "./org-queries.ts";

export interface ExperimentationProject {
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  readonly instance: string;
  /** The instance's name when the admin may view the instance, else its id. */
  readonly instanceName: string;
}

/** The Experimentation projects of `org`, by instance then name. */
export const useExperimentationProjects = (org: string | undefined) => {
  const client = useGatehouse();
  const trpc = useTRPC();
  return useQuery({
    // Read from three procedures: keyed under projects, whose path key the change stream invalidates.
    queryKey: [...trpc.projects.pathKey(), "experimentation", org],
    enabled: org !== undefined,
    queryFn: async (): Promise<ReadonlyArray<ExperimentationProject>> => {
      const orgId = org ?? "";
      // The admin's own grants, as the engine considers them (asking about oneself is always allowed).
      const [visible, own] = await Promise.all([
        client.instances.list.query({ org: orgId, product: EXPERIMENTATION }),
        client.authz.explain.query({ action: "admin-center:user.view", resource: { org: orgId } }),
      ]);
      const instances = new Set(visible.map((i) => i.id));
      for (const { grant } of own.considered)
        if (grant.scope.org === orgId && grant.scope.product === EXPERIMENTATION && grant.scope.instance)
          instances.add(grant.scope.instance);
      const lists = await Promise.all(
        [...instances].map((instance) => client.projects.list.query({ org: orgId, instance })),
      );
      return lists
        .flat()
        .map((p) => ({
          id: p.id,
          name: p.name,
          platform: p.platform,
          instance: p.instance,
          instanceName: p.instanceName,
        }))
        .sort((a, b) => a.instanceName.localeCompare(b.instanceName) || a.name.localeCompare(b.name));
    },
  });
};

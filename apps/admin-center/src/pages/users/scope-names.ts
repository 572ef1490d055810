// A grant's place as people read it: "CMS › Acme Site" or "Experimentation › Acme Experimentation › Checkout",
// named from the catalog, the instances the admin may view and the organization's projects (ids otherwise).
import type { Resource } from "@gatehouse/client";
import { useExperimentationProjects } from "../products/experimentation-projects.ts";
import { useInstances, useProductLabel } from "../products/org-queries.ts";

/** Names scopes; `environments` (id → name) names the environments of a project when given. */
export const useScopeNames = (org: string, environments?: ReadonlyMap<string, string>) => {
  const productLabel = useProductLabel();
  const instances = useInstances(org);
  const projects = useExperimentationProjects(org);
  return (scope: Resource): string => {
    if (scope.product === undefined) return "Whole organization";
    const parts = [productLabel(scope.product)];
    if (scope.instance !== undefined)
      parts.push(
        instances.data?.find((i) => i.id === scope.instance)?.name ??
          projects.data?.find((p) => p.instance === scope.instance)?.instanceName ??
          scope.instance,
      );
    if (scope.project !== undefined)
      parts.push(projects.data?.find((p) => p.id === scope.project)?.name ?? scope.project);
    if (scope.environment !== undefined)
      parts.push(`${environments?.get(scope.environment) ?? scope.environment} environment`);
    if (scope.flag !== undefined) parts.push(`flag ${scope.flag}`);
    return parts.join(" › ");
  };
};

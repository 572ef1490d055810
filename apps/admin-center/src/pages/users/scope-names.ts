// A grant's place as people read it: "CMS › Acme Site" or "Experimentation › Acme Experimentation › Checkout",
// named by the server's names for it when given, else from the catalog, the instances and projects the admin sees.
import type { Resource } from "@gatehouse/client";
import { useExperimentationProjects } from "../products/experimentation-projects.ts";
import { useInstances, useProductLabel } from "../products/org-queries.ts";

/** The names the server gives a grant's places (users.get's `names`). */
export type ServedNames = Partial<Record<"instance" | "project" | "environment" | "flag", string>>;

/**
 * Names scopes; `environments` (id → name) names the environments of a project when given. A flag is named only
 * by the server (`served`); without it the place says "a flag", never its id.
 */
export const useScopeNames = (org: string, environments?: ReadonlyMap<string, string>) => {
  const productLabel = useProductLabel();
  const instances = useInstances(org);
  const projects = useExperimentationProjects(org);
  return (scope: Resource, served: ServedNames = {}): string => {
    if (scope.product === undefined) return "Whole organization";
    const parts = [productLabel(scope.product)];
    if (scope.instance !== undefined)
      parts.push(
        served.instance ??
          instances.data?.find((i) => i.id === scope.instance)?.name ??
          projects.data?.find((p) => p.instance === scope.instance)?.instanceName ??
          scope.instance,
      );
    if (scope.project !== undefined)
      parts.push(served.project ?? projects.data?.find((p) => p.id === scope.project)?.name ?? scope.project);
    if (scope.environment !== undefined)
      parts.push(
        `${served.environment ?? environments?.get(scope.environment) ?? scope.environment} environment`,
      );
    if (scope.flag !== undefined) parts.push(served.flag === undefined ? "a flag" : `flag ${served.flag}`);
    return parts.join(" › ");
  };
};

// Breadcrumbs for a place in the organization: Products › product › instance › project, each a link, then the
// current page's own crumb (a user's name) when there is one. Names come from the catalog and the API.
import { type Crumb, Crumbs } from "@gatehouse/ui";
import { useInstances, useProductLabel, useProjects } from "./org-queries.ts";
import { instancePath, projectPath, type UserScope } from "./scope-paths.ts";

export const ScopeCrumbs = ({
  org,
  scope,
  current,
}: {
  org: string;
  scope: UserScope;
  /** The last crumb, when the page shows something inside the scope. */
  current?: string;
}) => {
  const productLabel = useProductLabel();
  const instances = useInstances(org, scope.product);
  const projects = useProjects(org, scope.project === undefined ? undefined : scope.instance);
  const items: Crumb[] = [{ label: "Products", to: "/products" }];
  if (scope.product !== undefined)
    items.push({ label: productLabel(scope.product), to: `/products/${scope.product}` });
  if (scope.product !== undefined && scope.instance !== undefined)
    items.push({
      // A project's admin may not list the instances: its project's row names the instance too.
      label:
        instances.data?.find((i) => i.id === scope.instance)?.name ??
        projects.data?.find((p) => p.id === scope.project)?.instanceName ??
        "Instance",
      to: instancePath(scope.product, scope.instance),
    });
  if (scope.project !== undefined)
    items.push({
      label: projects.data?.find((p) => p.id === scope.project)?.name ?? "Project",
      to: projectPath(scope.project),
    });
  if (current !== undefined) items.push({ label: current });
  else {
    const last = items.pop();
    if (last !== undefined) items.push({ label: last.label });
  }
  return <Crumbs items={items} />;
};

// Breadcrumbs for a place in the organization: Products › product › instance › project, then the current page's own
// crumb; the places above a project link only for whom the server offers Products (auth.me sections), names from the API.
import { useSession } from "@gatehouse/client";
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
  const me = useSession().data;
  // A project owner has no Products section: its crumbs above the project are names, not links to refusals.
  const browses = me !== null && me !== undefined && "sections" in me && me.sections.includes("products");
  const link = (to: string) => (browses ? { to } : {});
  const instances = useInstances(org, scope.product);
  const projects = useProjects(org, scope.project === undefined ? undefined : scope.instance);
  const items: Crumb[] = [{ label: "Products", ...link("/products") }];
  if (scope.product !== undefined)
    items.push({ label: productLabel(scope.product), ...link(`/products/${scope.product}`) });
  if (scope.product !== undefined && scope.instance !== undefined)
    items.push({
      // A project's admin may not list the instances: its project's row names the instance too.
      label:
        instances.data?.find((i) => i.id === scope.instance)?.name ??
        projects.data?.find((p) => p.id === scope.project)?.instanceName ??
        "Instance",
      ...link(instancePath(scope.product, scope.instance)),
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

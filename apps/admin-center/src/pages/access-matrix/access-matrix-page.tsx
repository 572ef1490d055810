// Access matrix (route /access-matrix): pick a scope (product → instance → project) and see who holds which
// role there, paged from the server, and who the engine allows a chosen action there; a place that is not the
// organization's (a made-up address) says so.
import { type Resource, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { Crumbs, EmptyState } from "@gatehouse/ui";
import { Divider, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useCatalog } from "../products/org-queries.ts";
import { type MatrixScope, useMatrixScope } from "./matrix-scope.ts";
import { ScopePicker, useInstances, useProjects } from "./scope-picker.tsx";
import { UsersRolesMatrix } from "./users-roles-matrix.tsx";
import { WhoCanPanel } from "./who-can-panel.tsx";

export const AccessMatrixPage = () => {
  const org = useSignedInOrg() ?? "";
  const { scope, choose } = useMatrixScope();
  return (
    <Stack>
      <Crumbs items={[{ label: "Admin Center", to: "/" }, { label: "Access matrix" }]} />
      <Title order={1} size="h2">
        Access matrix
      </Title>
      <Text size="sm" c="dimmed">
        Choose a product, and optionally an instance and a project, to see who holds which role there and who
        may do a given action.
      </Text>
      {org === "" ? (
        <EmptyState title="No organization">The access matrix belongs to an organization.</EmptyState>
      ) : (
        <>
          <ScopePicker org={org} scope={scope} onChoose={choose} />
          {scope.product === undefined ? (
            <EmptyState title="Choose a product">
              The matrix shows one product, instance or project at a time.
            </EmptyState>
          ) : (
            <Matrix org={org} scope={scope} product={scope.product} />
          )}
        </>
      )}
    </Stack>
  );
};

const Matrix = ({ org, scope, product }: { org: string; scope: MatrixScope; product: string }) => {
  const trpc = useTRPC();
  const roles = useQuery(trpc.roles.list.queryOptions({}));
  const instances = useInstances(org, product);
  const projects = useProjects(org, scope.instance, product === "experimentation");
  const roleNames = new Map((roles.data ?? []).map((r) => [r.id, r.name] as const));
  const instance = instances.data?.find((i) => i.id === scope.instance);
  const project = projects.data?.find((p) => p.id === scope.project);
  // The place as the engine is asked about it: the server's resource of the project or instance picked.
  const resource: Resource = (scope.project === undefined ? instance?.resource : project?.resource) ?? {
    org,
    ...scope,
  };
  const catalog = useCatalog();
  const missing =
    catalog.data !== undefined && !catalog.data.some((p) => p.id === product)
      ? `No product "${product}" here`
      : scope.instance !== undefined && instances.data !== undefined && instance === undefined
        ? `No instance "${scope.instance}" here`
        : scope.project !== undefined && projects.data !== undefined && project === undefined
          ? `No project "${scope.project}" here`
          : undefined;
  if (missing !== undefined)
    return <EmptyState title={missing}>Choose a place of your organization above.</EmptyState>;
  return (
    <Stack gap="lg">
      {/* Keyed by the scope: a new scope starts again at the first page. */}
      <UsersRolesMatrix key={JSON.stringify(scope)} org={org} scope={scope} roleNames={roleNames} />
      <Divider />
      <WhoCanPanel
        org={org}
        product={product}
        resource={resource}
        {...(project === undefined ? {} : { platform: project.platform })}
      />
    </Stack>
  );
};

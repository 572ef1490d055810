// Products (route /products, the super and product admins' landing): the organization's enabled products that
// the admin administers or sees instances of, each with its number of instances and a link to them.
import { useGatehouse, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { type Column, Crumbs, DataTable, EmptyState } from "@gatehouse/ui";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import {
  useAdministering,
  useCatalog,
  useInstances,
  useOrganization,
  useProductLabel,
} from "./org-queries.ts";

interface ProductRow {
  readonly id: string;
  readonly label: string;
  readonly instances: number;
}

const columns: Array<Column<ProductRow>> = [
  {
    id: "product",
    header: "Product",
    cell: ({ row }) => (
      <Anchor component={Link} to={`/products/${row.original.id}`} size="sm">
        {row.original.label}
      </Anchor>
    ),
  },
  { id: "instances", header: "Instances", cell: ({ row }) => row.original.instances },
];

export const ProductsPage = () => {
  const org = useSignedInOrg();
  const client = useGatehouse();
  const trpc = useTRPC();
  const organization = useOrganization();
  const instances = useInstances(org);
  const productLabel = useProductLabel();
  const catalog = useCatalog();
  // The product administering the others (the catalog says which) is not one of the products it lists.
  const administering = useAdministering();
  const enabled =
    catalog.data === undefined
      ? []
      : (organization.data?.products ?? []).filter((p) => !administering.has(p));
  // A product is listed when the admin may view it, or sees one of its instances.
  const viewable = useQuery({
    // Keyed under authz: live updates refresh it whenever decisions may have changed.
    queryKey: [...trpc.authz.pathKey(), "product.view", org, enabled],
    enabled: org !== undefined && enabled.length > 0,
    queryFn: () =>
      client.authz.checkMany.mutate({
        checks: enabled.map((product) => ({
          action: "admin-center:product.view",
          resource: { org: org ?? "", product },
        })),
      }),
  });

  if (org === undefined)
    return <EmptyState title="Products belong to an organization">Sign in as a user of one.</EmptyState>;

  const ready =
    catalog.data !== undefined &&
    organization.data !== undefined &&
    instances.data !== undefined &&
    viewable.data !== undefined;
  const rows: ReadonlyArray<ProductRow> | undefined = ready
    ? enabled
        .map((id, i) => ({
          id,
          label: productLabel(id),
          instances: (instances.data ?? []).filter((inst) => inst.product === id).length,
          viewable: viewable.data?.[i] === "allow",
        }))
        .filter((row) => row.viewable || row.instances > 0)
        .map(({ viewable: _viewable, ...row }) => row)
        .sort((a, b) => a.label.localeCompare(b.label))
    : undefined;

  return (
    <Stack>
      <Crumbs items={[{ label: "Products" }]} />
      <div>
        <Title order={1} size="h2">
          Products
        </Title>
        <Text size="sm" c="dimmed">
          The products {organization.data?.name ?? org} has enabled that you administer. Open one to see its
          instances.
        </Text>
      </div>
      <DataTable
        label="Products"
        columns={columns}
        rows={enabled.length === 0 && organization.data !== undefined ? [] : rows}
        rowKey={(row) => row.id}
        error={organization.error ?? instances.error ?? viewable.error}
        onRetry={() => {
          void organization.refetch();
          void instances.refetch();
        }}
        empty={{
          title: "No products to administer",
          hint: "Your roles reach no product of this organization; a super admin can give you one.",
        }}
      />
    </Stack>
  );
};

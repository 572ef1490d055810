// A product's instances (route /products/:product; a product admin's landing when it has one product): the
// instances the admin may view, each opening its users, or its projects for Experimentation.
import { type RouterOutputs, useCan, useSignedInOrg } from "@gatehouse/client";
import { type Column, DataTable, EmptyState } from "@gatehouse/ui";
import { ActionIcon, Anchor, Badge, Group, Menu, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { EXPERIMENTATION, useCatalog, useInstances, useProductLabel } from "./org-queries.ts";
import { ScopeCrumbs } from "./scope-crumbs.tsx";
import { instancePath } from "./scope-paths.ts";

type InstanceRow = RouterOutputs["instances"]["list"][number];

const InstanceMenu = ({ instance }: { instance: InstanceRow }) => (
  <Menu position="bottom-end">
    <Menu.Target>
      <ActionIcon variant="subtle" color="gray" aria-label={`More options for ${instance.name}`}>
        ⋯
      </ActionIcon>
    </Menu.Target>
    <Menu.Dropdown>
      <Menu.Item component={Link} to={instancePath(instance.product, instance.id)}>
        View details
      </Menu.Item>
    </Menu.Dropdown>
  </Menu>
);

export const InstancesPage = () => {
  const { product = "" } = useParams();
  const org = useSignedInOrg();
  const instances = useInstances(org, product);
  const productLabel = useProductLabel();
  const mayView = useCan("admin-center:product.view", { org: org ?? "", product }).allowed;
  const label = productLabel(product);
  const shows = product === EXPERIMENTATION ? "projects" : "users";

  const catalog = useCatalog();

  if (org === undefined)
    return <EmptyState title="Products belong to an organization">Sign in as a user of one.</EmptyState>;
  if (catalog.data !== undefined && !catalog.data.some((p) => p.id === product))
    return (
      <Stack>
        <Title order={1} size="h2">
          No product "{product}" here
        </Title>
        <Text size="sm" c="dimmed">
          Gatehouse has no product of that name.
        </Text>
      </Stack>
    );

  // Only Mission Control instances are environments (production or not); other products have no such column.
  const environments = instances.data?.some((i) => i.production !== null) === true;
  const environmentColumn: Array<Column<InstanceRow>> = environments
    ? [
        {
          id: "kind",
          header: "Environment",
          cell: ({ row }) =>
            row.original.production === null ? null : (
              <Badge variant="light" color={row.original.production ? "red" : "gray"}>
                {row.original.production ? "production" : "non-production"}
              </Badge>
            ),
        },
      ]
    : [];
  const columns: Array<Column<InstanceRow>> = [
    {
      id: "name",
      header: "Instance",
      cell: ({ row }) => (
        <Anchor component={Link} to={instancePath(row.original.product, row.original.id)} size="sm">
          {row.original.name}
        </Anchor>
      ),
    },
    {
      id: "id",
      header: "Id",
      cell: ({ row }) => (
        <Text size="sm" c="dimmed">
          {row.original.id}
        </Text>
      ),
    },
    ...environmentColumn,
    {
      id: "options",
      header: "",
      cell: ({ row }) => (
        <Group justify="flex-end">
          <InstanceMenu instance={row.original} />
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <ScopeCrumbs org={org} scope={{ product }} />
      <div>
        <Title order={1} size="h2">
          {label}
        </Title>
        <Text size="sm" c="dimmed">
          The instances of {label} you may view. Open one to manage its {shows}.
        </Text>
      </div>
      <DataTable
        label={`Instances of ${label}`}
        columns={columns}
        rows={instances.data}
        rowKey={(row) => row.id}
        error={instances.error}
        onRetry={() => void instances.refetch()}
        empty={{
          title: `No instances of ${label} to show`,
          hint:
            mayView === false
              ? `You administer no instance of ${label}.`
              : "The organization has no instance of this product yet.",
        }}
      />
    </Stack>
  );
};

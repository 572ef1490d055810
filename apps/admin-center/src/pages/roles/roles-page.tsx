// Roles (route /roles): the system roles and the organization's custom roles, filtered by product, instance
// and type, with Add role (guarded by custom-role.create at the filters' scope), Duplicate and Delete.

import { useSignedInOrg } from "@gatehouse/client";
import { type Column, Crumbs, DataTable, EmptyState, Guarded } from "@gatehouse/ui";
import { Anchor, Badge, Button, Group, SegmentedControl, Select, Stack, Text, Title } from "@mantine/core";
import { useMemo, useState } from "react";
import { Link, useNavigate } from "react-router";
import { DeleteRoleButton } from "./delete-role-button.tsx";
import { DuplicateButton } from "./duplicate-button.tsx";
import { type RoleRow, useCatalog, useEnabledProducts, useInstances, useRoles } from "./role-queries.ts";
import { RoleTypeBadge } from "./role-type-badge.tsx";

type TypeFilter = "all" | "system" | "custom";

export const RolesPage = () => {
  const org = useSignedInOrg();
  const navigate = useNavigate();
  const [product, setProduct] = useState<string | null>(null);
  const [instance, setInstance] = useState<string | null>(null);
  const [type, setType] = useState<TypeFilter>("all");
  const catalog = useCatalog();
  const enabled = useEnabledProducts();
  const instances = useInstances(org);
  // The instance filter keeps the product's system roles: they apply at every instance of it.
  const roles = useRoles({
    ...(product === null ? {} : { product }),
    ...(type === "all" ? {} : { type }),
  });
  const rows = useMemo(
    () => roles.data?.filter((r) => instance === null || r.instance === null || r.instance === instance),
    [roles.data, instance],
  );
  const productLabel = (id: string) => catalog.data?.find((p) => p.id === id)?.label ?? id;
  const instanceName = (id: string) => instances.data?.find((i) => i.id === id)?.name ?? id;
  const allowsCustomRoles = (id: string) => catalog.data?.find((p) => p.id === id)?.customRoles === true;

  if (org === undefined)
    return <EmptyState title="Roles belong to an organization">Sign in as a user of one.</EmptyState>;

  const columns: Array<Column<RoleRow>> = [
    {
      id: "name",
      header: "Name",
      cell: ({ row }) => (
        <Anchor component={Link} to={`/roles/${encodeURIComponent(row.original.id)}`} size="sm">
          {row.original.name}
        </Anchor>
      ),
    },
    { id: "product", header: "Product", cell: ({ row }) => productLabel(row.original.product) },
    {
      id: "instance",
      header: "Instance",
      cell: ({ row }) =>
        row.original.instance === null ? (
          <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
            Every instance
          </Text>
        ) : (
          instanceName(row.original.instance)
        ),
    },
    { id: "type", header: "Type", cell: ({ row }) => <RoleTypeBadge type={row.original.type} /> },
    { id: "permissions", header: "Permissions", cell: ({ row }) => row.original.permissions.length },
    {
      id: "actions",
      header: "Actions",
      cell: ({ row }) => (
        <Group gap="xs" wrap="nowrap">
          {allowsCustomRoles(row.original.product) ? <DuplicateButton role={row.original} size="xs" /> : null}
          {row.original.type === "custom" ? <DeleteRoleButton role={row.original} /> : null}
        </Group>
      ),
    },
  ];

  const productOptions = (enabled.data ?? []).map((id) => ({ value: id, label: productLabel(id) }));
  const instanceOptions = (instances.data ?? [])
    .filter((i) => product === null || i.product === product)
    .map((i) => ({ value: i.id, label: i.name }));
  const createScope = {
    org,
    ...(product === null ? {} : { product }),
    ...(product === null || instance === null ? {} : { instance }),
  };

  return (
    <Stack>
      <Crumbs items={[{ label: "Roles" }]} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Roles
          </Title>
          <Text size="sm" c="dimmed">
            System roles come with each product and cannot be changed; custom roles are yours.
          </Text>
        </div>
        <Guarded action="admin-center:custom-role.create" resource={createScope}>
          {(disabled) => (
            <Button disabled={disabled} onClick={() => navigate("/roles/new")}>
              Add role
            </Button>
          )}
        </Guarded>
      </Group>
      <Group align="flex-end">
        <Select
          label="Product"
          placeholder="All products"
          clearable
          searchable
          data={productOptions}
          value={product}
          onChange={(value) => {
            setProduct(value);
            setInstance(null);
          }}
          w={280}
        />
        <Select
          label="Instance"
          placeholder="All instances"
          clearable
          searchable
          data={instanceOptions}
          value={instance}
          onChange={setInstance}
          w={280}
        />
        <SegmentedControl
          aria-label="Type"
          value={type}
          onChange={(value) => setType(value as TypeFilter)}
          data={[
            { value: "all", label: "All" },
            { value: "system", label: "System" },
            { value: "custom", label: "Custom" },
          ]}
        />
        {rows === undefined ? null : (
          <Badge variant="light" color="gray" size="lg">
            {rows.length} roles
          </Badge>
        )}
      </Group>
      <DataTable
        label="Roles"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.id}
        error={roles.error}
        onRetry={() => void roles.refetch()}
        empty={{
          title: "No roles match these filters",
          hint: "Clear the filters, or add a custom role for this product and instance.",
        }}
      />
    </Stack>
  );
};

// The operator's Organizations (route /organizations): every organization with its kind, enabled products and
// whether it has a super admin; provision a new one, change its products, and invite the first super admin of
// one that has none.
import { type Column, Crumbs, DataTable } from "@gatehouse/ui";
import { Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { FirstAdminModal } from "./first-admin-modal.tsx";
import { kindLabel, type Organization, useOrganizations, useProductOptions } from "./organization-queries.ts";
import { ProductsModal } from "./products-modal.tsx";
import { ProvisionModal } from "./provision-modal.tsx";

type Dialog =
  | { readonly kind: "provision" }
  | { readonly kind: "products"; readonly org: Organization }
  | { readonly kind: "first-admin"; readonly org: Organization };

export const OrganizationsPage = () => {
  const organizations = useOrganizations();
  const products = useProductOptions();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const productName = (id: string) => products.data?.find((p) => p.value === id)?.label ?? id;
  const close = () => setDialog(null);

  const columns: Array<Column<Organization>> = [
    {
      id: "name",
      header: "Organization",
      cell: ({ row }) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {row.original.name}
          </Text>
          <Text size="xs" c="dimmed">
            {row.original.id}
          </Text>
        </Stack>
      ),
    },
    { id: "kind", header: "Kind", cell: ({ row }) => kindLabel(row.original.kind) },
    {
      id: "products",
      header: "Enabled products",
      cell: ({ row }) =>
        row.original.products.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <Group gap={4}>
            {row.original.products.map((p) => (
              <Badge key={p} variant="light" color="gray" tt="none">
                {productName(p)}
              </Badge>
            ))}
          </Group>
        ),
    },
    {
      id: "super-admin",
      header: "Super admin",
      cell: ({ row }) =>
        row.original.superAdmin ? (
          <Text size="sm">Yes</Text>
        ) : (
          <Text size="sm" c="orange">
            None yet
          </Text>
        ),
    },
    {
      id: "actions",
      header: "",
      cell: ({ row }) => (
        <Group gap="xs" justify="flex-end" wrap="nowrap">
          <Button
            size="xs"
            variant="default"
            aria-label={`Change the products of ${row.original.name}`}
            onClick={() => setDialog({ kind: "products", org: row.original })}
          >
            Products…
          </Button>
          {row.original.superAdmin ? null : (
            <Button
              size="xs"
              variant="default"
              aria-label={`Invite the first super admin of ${row.original.name}`}
              onClick={() => setDialog({ kind: "first-admin", org: row.original })}
            >
              Invite first super admin…
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Stack>
      <Crumbs items={[{ label: "Platform" }, { label: "Organizations" }]} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Organizations
          </Title>
          <Text size="sm" c="dimmed">
            Customers and partners on this platform, and the products each has enabled.
          </Text>
        </div>
        <Button onClick={() => setDialog({ kind: "provision" })}>Provision an organization</Button>
      </Group>
      <DataTable
        label="Organizations"
        columns={columns}
        rows={organizations.data}
        rowKey={(org) => org.id}
        error={organizations.error}
        onRetry={() => void organizations.refetch()}
        empty={{ title: "No organizations yet", hint: "Provision the first one." }}
      />
      <ProvisionModal opened={dialog?.kind === "provision"} onClose={close} />
      {dialog?.kind === "products" ? <ProductsModal org={dialog.org} onClose={close} /> : null}
      {dialog?.kind === "first-admin" ? <FirstAdminModal org={dialog.org} onClose={close} /> : null}
    </Stack>
  );
};

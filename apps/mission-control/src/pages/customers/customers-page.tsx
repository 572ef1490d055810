// Customers you can reach (route /customers): your own organization and, for a partner user, every customer that
// granted you a Mission Control role, with the relation and the roles you hold there (product-wide or per instance).
import { type Column, Crumbs, DataTable } from "@gatehouse/ui";
import { Anchor, Badge, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { type Customer, useCustomers } from "./customer-queries.ts";

const RoleList = ({ customer }: { customer: Customer }) =>
  customer.roles.length === 0 ? (
    <Text size="sm" c="dimmed">
      No Mission Control role
    </Text>
  ) : (
    <Group gap={4}>
      {customer.roles.map((r) => (
        <Badge key={`${r.role}-${r.instance ?? ""}`} variant="light" color="indigo" tt="none" title={r.role}>
          {r.roleName}
          {r.instanceName === null ? " · all environments" : ` · ${r.instanceName}`}
          {r.expiresAt === null ? "" : ` · until ${new Date(r.expiresAt).toLocaleDateString()}`}
        </Badge>
      ))}
    </Group>
  );

const columns: Array<Column<Customer>> = [
  {
    id: "name",
    header: "Customer",
    cell: ({ row }) => (
      <Anchor component={Link} to={`/customers/${encodeURIComponent(row.original.org)}`} size="sm">
        {row.original.name}
      </Anchor>
    ),
  },
  {
    id: "relation",
    header: "Relation",
    cell: ({ row }) => (
      <Badge variant="outline" color={row.original.relation === "own" ? "gray" : "violet"}>
        {row.original.relation === "own" ? "Your organization" : "Partner access"}
      </Badge>
    ),
  },
  { id: "roles", header: "Your roles", cell: ({ row }) => <RoleList customer={row.original} /> },
];

export const CustomersPage = () => {
  const customers = useCustomers();
  return (
    <Stack>
      <Crumbs items={[{ label: "Customers" }]} />
      <div>
        <Title order={1} size="h2">
          Customers
        </Title>
        <Text size="sm" c="dimmed">
          The organizations whose Configured Commerce environments you can open: your own, and every customer
          that granted you partner access.
        </Text>
      </div>
      <DataTable
        label="Customers"
        columns={columns}
        rows={customers.data}
        rowKey={(row) => row.org}
        error={customers.error}
        onRetry={() => void customers.refetch()}
        empty={{
          title: "No customers yet",
          hint: (
            <>
              Mission Control is not enabled for your organization and no customer has granted you access.{" "}
              <Anchor component={Link} to="/partner-access" size="sm">
                Request access
              </Anchor>
            </>
          ),
        }}
      />
    </Stack>
  );
};

// A customer's instances (route /customers/:customer): its Configured Commerce environments you may view, each
// with its sandbox or production badge, linking to the instance's facts, actions and operations.
import { type Column, Crumbs, DataTable } from "@gatehouse/ui";
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link, useParams } from "react-router";
import { type Instance, useCustomers, useInstances } from "./customer-queries.ts";
import { EnvironmentBadge } from "./environment-badge.tsx";

const columns = (customer: string): Array<Column<Instance>> => [
  {
    id: "name",
    header: "Environment",
    cell: ({ row }) => (
      <Anchor
        component={Link}
        to={`/customers/${encodeURIComponent(customer)}/instances/${encodeURIComponent(row.original.id)}`}
        size="sm"
      >
        {row.original.name}
      </Anchor>
    ),
  },
  {
    id: "kind",
    header: "Kind",
    cell: ({ row }) => <EnvironmentBadge production={row.original.production} />,
  },
  {
    id: "last",
    header: "Last operation",
    cell: ({ row }) => (
      <Text size="sm" c="dimmed">
        {row.original.facts["Last operation"] ?? "None yet"}
      </Text>
    ),
  },
];

export const CustomerPage = () => {
  const customer = useParams().customer ?? "";
  const instances = useInstances(customer);
  const name = useCustomers().data?.find((c) => c.org === customer)?.name ?? customer;
  return (
    <Stack>
      <Crumbs items={[{ label: "Customers", to: "/customers" }, { label: name }]} />
      <div>
        <Title order={1} size="h2">
          {name}
        </Title>
        <Text size="sm" c="dimmed">
          Configured Commerce environments. Every role sees the same views; what you may run depends on your
          role.
        </Text>
      </div>
      <DataTable
        label="Instances"
        columns={columns(customer)}
        rows={instances.data}
        rowKey={(row) => row.id}
        error={instances.error}
        onRetry={() => void instances.refetch()}
        empty={{
          title: "No environments you can view",
          hint: "Your roles here do not reach any environment.",
        }}
      />
    </Stack>
  );
};

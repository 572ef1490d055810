// The customers that granted the partner user Mission Control access, with its roles there (product-wide or
// on one instance, and until when); each links to the customer's instances.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { type Column, DataTable } from "@gatehouse/ui";
import { Anchor, Stack, Text } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link } from "react-router";
import { useMyRequests } from "./use-my-requests.ts";

type Customer = RouterOutputs["missionControl"]["customers"][number];
type RoleHeld = Customer["roles"][number];

const roleText = (held: RoleHeld): string =>
  `${held.roleName} on ${held.instanceName ?? "every environment"}${
    held.expiresAt === null ? "" : ` until ${new Date(held.expiresAt).toLocaleDateString()}`
  }`;

const columns: Array<Column<Customer>> = [
  {
    id: "customer",
    header: "Customer",
    cell: ({ row }) => (
      <Anchor component={Link} to={`/customers/${row.original.org}`} size="sm">
        {row.original.name}
      </Anchor>
    ),
  },
  { id: "org", header: "Organization id", cell: ({ row }) => row.original.org },
  {
    id: "roles",
    header: "Your roles",
    cell: ({ row }) => (
      <Stack gap={0}>
        {row.original.roles.map((held) => (
          <Text size="sm" key={`${held.role} ${held.instance ?? ""}`}>
            {roleText(held)}
          </Text>
        ))}
      </Stack>
    ),
  },
];

export const GrantedCustomers = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const customers = useQuery(trpc.missionControl.customers.queryOptions());
  // A request approved or completed since gave a grant: ask again for the customers it reaches.
  const granted = useMyRequests().data?.filter((r) => r.grantId !== null).length;
  useEffect(() => {
    if (granted !== undefined)
      void queryClient.invalidateQueries(trpc.missionControl.customers.queryFilter());
  }, [granted, queryClient, trpc]);
  return (
    <DataTable
      label="Customers that granted you access"
      columns={columns}
      rows={customers.data?.filter((customer) => customer.relation === "partner")}
      rowKey={(customer) => customer.org}
      error={customers.error}
      onRetry={() => void customers.refetch()}
      empty={{
        title: "No customer has granted you access yet",
        hint: "Request access below; the customer's admins decide.",
      }}
    />
  );
};

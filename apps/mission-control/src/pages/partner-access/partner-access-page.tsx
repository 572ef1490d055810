// Partner access (route /partner-access): a partner user sees the customers that granted it access, asks a
// customer for access and follows its requests; a customer's user is pointed to the Admin Center.
import { useTRPC } from "@gatehouse/client";
import { Crumbs, QueryState } from "@gatehouse/ui";
import { Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { CustomerSide } from "./customer-side.tsx";
import { GrantedCustomers } from "./granted-customers.tsx";
import { MyRequests } from "./my-requests.tsx";
import { RequestAccessForm } from "./request-access-form.tsx";

const PartnerSide = () => (
  <Stack gap="lg">
    <Stack gap="xs">
      <Title order={3}>Customers that granted you access</Title>
      <GrantedCustomers />
    </Stack>
    <RequestAccessForm />
    <Stack gap="xs">
      <Title order={3}>Your requests</Title>
      <MyRequests />
    </Stack>
  </Stack>
);

export const PartnerAccessPage = () => {
  const trpc = useTRPC();
  const org = useQuery(trpc.organizations.mine.queryOptions());
  return (
    <Stack>
      <Crumbs items={[{ label: "Partner access" }]} />
      <Title order={1} size="h2">
        Partner access
      </Title>
      <Text size="sm" c="dimmed">
        Partner organizations work on their customers' Configured Commerce environments with the Mission
        Control role each customer grants them.
      </Text>
      <QueryState query={org}>
        {(mine) => (mine.kind === "partner" ? <PartnerSide /> : <CustomerSide />)}
      </QueryState>
    </Stack>
  );
};

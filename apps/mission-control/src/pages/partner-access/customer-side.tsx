// What a customer organization's user reads on the partner access page: the partner users holding roles in its
// environments now, each revocable here; requests are approved or denied in the Admin Center.
import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { PartnerHolders } from "./partner-holders.tsx";

export const CustomerSide = () => (
  <Stack gap="lg">
    <Stack gap="xs">
      <Title order={3}>Partners holding access now</Title>
      <Text size="sm" c="dimmed">
        Partner organizations' users with a Mission Control role or single permission in your environments.
        Revoke ends it at once. An account its organization deactivated or removed is marked: what it holds
        here counts for nothing.
      </Text>
      <PartnerHolders />
    </Stack>
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>Requests from partners</Title>
        <Text size="sm">
          A partner organization's users ask your organization for a Mission Control partner role, on every
          environment or on one instance. Your super admins approve or deny those requests in the Admin
          Center.
        </Text>
        <Anchor href="/admin-center/access-requests" fw={600}>
          Approve or deny partner requests in the Admin Center
        </Anchor>
      </Stack>
    </Paper>
  </Stack>
);

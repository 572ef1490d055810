// What a customer organization's user reads on the partner access page: partners ask for access, and the
// customer's admins grant or revoke it in the Admin Center; who holds it is on each instance's page.
import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";

export const CustomerSide = () => (
  <Paper withBorder p="md">
    <Stack gap="xs">
      <Title order={4}>Partners working on your instances</Title>
      <Text size="sm">
        A partner organization's users ask your organization for a Mission Control partner role, on every
        environment or on one instance. Your super admins approve or deny those requests, and revoke partner
        access, in the Admin Center.
      </Text>
      <Text size="sm">
        Who currently holds Mission Control roles on an instance, partners included, is shown on that
        instance's page.
      </Text>
      <Anchor href="/admin-center/access-requests" fw={600}>
        Grant or revoke partner access in the Admin Center
      </Anchor>
    </Stack>
  </Paper>
);

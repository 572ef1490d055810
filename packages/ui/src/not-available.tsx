// What a section the signed-in admin level may not use shows when visited directly (a bookmark, a typed
// address): the section's name and that the role does not include it, with the way back; never a raw error.
import { Button, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";

export const NotAvailablePage = ({ section }: { section: string }) => (
  <Stack align="flex-start">
    <Title order={1} size="h2">
      {section} is not available to your role
    </Title>
    <Text size="sm" c="dimmed">
      Your admin level does not include {section}. The navigation shows the sections you may use; ask an
      administrator of your organization if you need this one.
    </Text>
    <Button variant="default" component={Link} to="/">
      Back to the start page
    </Button>
  </Stack>
);

// The partner user a request is for, by the name and email the API serves with the request (a partner user
// who asked this customer is visible to its admins); its id on hover, or shown when no user is stored.
import { Stack, Text } from "@mantine/core";
import type { AccessRequest } from "./request-view.ts";

/** "Name (email)", or the id when the user is gone. */
export const requesterName = ({ requester }: AccessRequest): string =>
  requester.name === null ? requester.id : `${requester.name} (${requester.email})`;

export const Requester = ({ request }: { request: AccessRequest }) => {
  const { requester } = request;
  if (requester.name === null) return <Text size="sm">{requester.id}</Text>;
  return (
    <Stack gap={0} title={requester.id}>
      <Text size="sm">{requester.name}</Text>
      <Text size="xs" c="dimmed">
        {requester.email}
      </Text>
    </Stack>
  );
};

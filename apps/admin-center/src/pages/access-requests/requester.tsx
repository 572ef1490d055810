// The partner user a request is for, by name and email when the directory shows it to the admin (the
// user holds access in this organization already), else by its id.
import { useTRPC } from "@gatehouse/client";
import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

/** The directory's answer about the requester (shared by the table cell, the dialog and the confirmation). */
export const useRequester = (userId: string, org: string) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.users.get.queryOptions({ id: userId, context: { org } }),
    retry: false,
  });
};

/** "Name (email)" when the directory shows the user, else its id. */
export const useRequesterName = (userId: string, org: string): string => {
  const user = useRequester(userId, org).data?.user;
  return user === undefined ? userId : `${user.name} (${user.email})`;
};

export const Requester = ({ userId, org }: { userId: string; org: string }) => {
  const user = useRequester(userId, org).data?.user;
  if (user === undefined) return <Text size="sm">{userId}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">{user.name}</Text>
      <Text size="xs" c="dimmed">
        {user.email}
      </Text>
    </Stack>
  );
};

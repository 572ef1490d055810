// A user of the matrix by name and email (from the directory, seen from the organization), or by id
// while it loads or when the directory does not show it.
import { useTRPC } from "@gatehouse/client";
import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

export const UserLabel = ({ userId, org }: { userId: string; org: string }) => {
  const trpc = useTRPC();
  const user = useQuery({
    ...trpc.users.get.queryOptions({ id: userId, context: { org } }),
    retry: false,
  });
  if (user.data === undefined) return <Text size="sm">{userId}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">{user.data.user.name}</Text>
      <Text size="xs" c="dimmed">
        {user.data.user.email} · {user.data.user.org}
      </Text>
    </Stack>
  );
};

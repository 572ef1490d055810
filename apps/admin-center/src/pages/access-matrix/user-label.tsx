// A user of the matrix by name and email (from the directory, seen from the organization): given the user (the
// users × roles rows already hold it), or by id, shown by id while it loads or when the directory does not show it.
import { useTRPC } from "@gatehouse/client";
import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

export interface NamedUser {
  readonly name: string;
  readonly email: string;
  readonly org: string;
}

/** The user's name above its email and organization. */
export const UserLines = ({ user }: { user: NamedUser }) => (
  <Stack gap={0}>
    <Text size="sm">{user.name}</Text>
    <Text size="xs" c="dimmed">
      {user.email} · {user.org}
    </Text>
  </Stack>
);

/** The user with id `userId`, read from the directory. */
export const UserLabel = ({ userId, org }: { userId: string; org: string }) => {
  const trpc = useTRPC();
  const user = useQuery({
    ...trpc.users.get.queryOptions({ id: userId, context: { org } }),
    retry: false,
  });
  if (user.data === undefined) return <Text size="sm">{userId}</Text>;
  return <UserLines user={user.data.user} />;
};

// Who asked for an operation: the signed-in user itself, or the name and email the directory shows (to
// those allowed to view the customer's users), else the stored id.
import { useSession, useTRPC } from "@gatehouse/client";
import { Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";

export const Requester = ({ userId, org }: { userId: string; org: string }) => {
  const trpc = useTRPC();
  const me = useSession().data;
  const self = me !== null && me !== undefined && me.id === userId;
  const user = useQuery({
    ...trpc.users.get.queryOptions({ id: userId, context: { org } }),
    enabled: !self,
    retry: false,
    staleTime: 5 * 60_000,
  }).data?.user;
  const shown = self && me.kind === "user" ? { name: `${me.name} (you)`, email: me.email } : user;
  if (shown === undefined) return <Text size="sm">{userId}</Text>;
  return (
    <Stack gap={0}>
      <Text size="sm">{shown.name}</Text>
      <Text size="xs" c="dimmed">
        {shown.email}
      </Text>
    </Stack>
  );
};

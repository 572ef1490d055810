// Who asked for an operation, as the server names it: the signed-in user itself, else the person's name and
// email (the user id on hover); someone the reader may not see (another organization's user) is said as such.
import type { RouterOutputs } from "@gatehouse/client";
import { useSession } from "@gatehouse/client";
import { Stack, Text } from "@mantine/core";

type Person = RouterOutputs["operations"]["history"]["items"][number]["requester"];

export const Requester = ({ person }: { person: Person }) => {
  const me = useSession().data;
  const self = me !== null && me !== undefined && me.id === person.id;
  return (
    <Stack gap={0} title={`User id ${person.id}`}>
      <Text size="sm">
        {person.name === null ? "A user of another organization" : `${person.name}${self ? " (you)" : ""}`}
      </Text>
      {person.email === null ? null : (
        <Text size="xs" c="dimmed">
          {person.email}
        </Text>
      )}
    </Stack>
  );
};

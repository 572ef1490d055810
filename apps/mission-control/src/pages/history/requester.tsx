// Who asked for an operation, as the server names it: the signed-in user itself, else the person's name and
// email (the user id on hover); someone the reader may not see is said to be of the customer (a partner reading
// the customer's users) or of another organization.
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
        {person.name !== null
          ? `${person.name}${self ? " (you)" : ""}`
          : person.of === undefined
            ? "A user of another organization"
            : `A user of ${person.of}`}
      </Text>
      {person.email === null ? null : (
        <Text size="xs" c="dimmed">
          {person.email}
        </Text>
      )}
    </Stack>
  );
};

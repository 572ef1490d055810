// A user list row's roles at the listed place: each role by name with where its grant sits ("this instance",
// "all environments", "product-wide") and the group it comes through, as users.list answers them.
import type { RouterOutputs } from "@gatehouse/client";
import { Anchor, Stack, Text } from "@mantine/core";
import { Link } from "react-router";

type Access = RouterOutputs["users"]["list"]["items"][number]["access"][number];

export const AccessCell = ({ access }: { access: ReadonlyArray<Access> }) => (
  <Stack gap={2}>
    {access.map((a) => (
      <Text key={`${a.grant}:${a.via?.id ?? ""}`} size="sm">
        {a.roleName}{" "}
        <Text span size="xs" c="dimmed">
          · {a.where}
          {a.via === null ? null : (
            <>
              {" · via group "}
              <Anchor component={Link} to={`/groups/${a.via.id}`} size="xs">
                {a.via.name}
              </Anchor>
            </>
          )}
        </Text>
      </Text>
    ))}
  </Stack>
);

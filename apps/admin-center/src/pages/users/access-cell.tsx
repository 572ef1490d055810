// A user list row's roles at the listed place: each role by name with where its grant sits ("this instance",
// "all environments", "product-wide"), the group it comes through and its expiry, as users.list answers them.
import type { RouterOutputs } from "@gatehouse/client";
import { Anchor, Badge, Stack, Text } from "@mantine/core";
import { Link } from "react-router";

type Access = RouterOutputs["users"]["list"]["items"][number]["access"][number];

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: "medium" });

/** An expired grant gives nothing (the account may still be active): said on the role, not left to the status. */
const Expiry = ({ access }: { readonly access: Access }) =>
  access.expiresAt === null ? null : access.expired ? (
    <Badge color="red" variant="light" size="xs" ml={4}>
      Expired {day(access.expiresAt)}
    </Badge>
  ) : (
    <Text span size="xs" c="dimmed">
      {` · until ${day(access.expiresAt)}`}
    </Text>
  );

export const AccessCell = ({ access }: { access: ReadonlyArray<Access> }) => (
  <Stack gap={2}>
    {access.map((a) => (
      <Text key={`${a.grant}:${a.via?.id ?? ""}`} size="sm">
        <Text span inherit td={a.expired ? "line-through" : undefined}>
          {a.roleName}
        </Text>{" "}
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
        <Expiry access={a} />
      </Text>
    ))}
  </Stack>
);

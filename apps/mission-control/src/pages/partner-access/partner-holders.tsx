// The partner users holding Mission Control roles or single permissions in this organization's environments now
// (who, marked when its account is deactivated or removed, partner, what, environment), each with Revoke.
import { type RouterOutputs, useGatehouse, useRefresh, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { type Column, ConfirmButton, DataTable, QueryState, toast } from "@gatehouse/ui";
import { Badge, Group, Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";

type Holder = RouterOutputs["missionControl"]["partnerHolders"][number];

const environmentText = (holder: Holder): string =>
  holder.environment === null ? "All environments" : holder.environment.name;

/** "the partnerDev role", or "the Restart site permission" for a single permission. */
const heldText = (holder: Holder): string =>
  `the ${holder.role.name} ${holder.role.single ? "permission" : "role"}`;

/** Why a holder's grant counts for nothing now, if it does: its own organization deactivated or removed it. */
const AccountMark = ({ holder }: { holder: Holder }) =>
  holder.removed ? (
    <Badge
      variant="light"
      color="red"
      title="Its organization removed this account: what it holds here counts for nothing"
    >
      Removed
    </Badge>
  ) : holder.deactivated ? (
    <Badge
      variant="light"
      color="red"
      title="Its organization deactivated this account: what it holds here counts for nothing"
    >
      Deactivated
    </Badge>
  ) : null;

const RevokeButton = ({ holder }: { holder: Holder }) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const revoke = useMutation({
    mutationFn: () => client.grants.remove.mutate({ id: holder.grant, version: holder.version }),
    onSuccess: async () => {
      toast.success(`${holder.user.name} no longer holds ${heldText(holder)} (${environmentText(holder)})`);
      await refresh.after("grant.removed");
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <ConfirmButton
      procedure="grants.remove"
      input={{ id: holder.grant, version: holder.version }}
      ariaLabel={`Revoke ${holder.user.name}'s ${holder.role.name}`}
      pending={revoke.isPending}
      confirm={{
        title: `Revoke ${holder.user.name}'s access?`,
        message: `${holder.user.name} of ${holder.partner.name} loses ${heldText(holder)} on ${environmentText(holder).toLowerCase()} at once. They can ask for access again.`,
        confirmLabel: "Revoke access",
      }}
      onConfirm={() => revoke.mutate()}
    >
      Revoke
    </ConfirmButton>
  );
};

const columns: Array<Column<Holder>> = [
  {
    id: "who",
    header: "Who",
    cell: ({ row }) => (
      <Stack gap={0}>
        <Group gap={6}>
          <Text size="sm">{row.original.user.name}</Text>
          <AccountMark holder={row.original} />
        </Group>
        <Text size="xs" c="dimmed">
          {row.original.user.email}
        </Text>
      </Stack>
    ),
  },
  { id: "partner", header: "Partner", cell: ({ row }) => row.original.partner.name },
  {
    id: "role",
    header: "Role or permission",
    cell: ({ row }) => (
      <Stack gap={0}>
        <Text size="sm">{row.original.role.name}</Text>
        {row.original.role.single ? (
          <Text size="xs" c="dimmed">
            Single permission
          </Text>
        ) : null}
      </Stack>
    ),
  },
  { id: "environment", header: "Environment", cell: ({ row }) => environmentText(row.original) },
  { id: "revoke", header: "", cell: ({ row }) => <RevokeButton holder={row.original} /> },
];

export const PartnerHolders = () => {
  const trpc = useTRPC();
  const org = useSignedInOrg();
  const holders = useQuery({
    ...trpc.missionControl.partnerHolders.queryOptions({ customer: org ?? "" }),
    enabled: org !== undefined,
  });
  if (holders.data === undefined) return <QueryState query={holders} loading="Loading partner holders…" />;
  return (
    <DataTable
      label="Partners holding access now"
      columns={columns}
      rows={holders.data}
      rowKey={(holder) => holder.grant}
      empty={{
        title: "No partner holds access",
        hint: "A partner's request you approve gives its user a role here.",
      }}
    />
  );
};

// The partner users holding Mission Control roles in this organization's environments now (who, partner
// organization, role, environment), each with Revoke: grants.remove, asked through may, after a confirmation.
import { type RouterOutputs, useGatehouse, useRefresh, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { type Column, ConfirmButton, DataTable, QueryState, toast } from "@gatehouse/ui";
import { Stack, Text } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";

type Holder = RouterOutputs["missionControl"]["partnerHolders"][number];

const environmentText = (holder: Holder): string =>
  holder.environment === null ? "All environments" : holder.environment.name;

const RevokeButton = ({ holder }: { holder: Holder }) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const revoke = useMutation({
    mutationFn: () => client.grants.remove.mutate({ id: holder.grant, version: holder.version }),
    onSuccess: async () => {
      toast.success(`${holder.user.name} no longer holds ${holder.role.name} (${environmentText(holder)})`);
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
        message: `${holder.user.name} of ${holder.partner.name} loses the ${holder.role.name} role on ${environmentText(holder).toLowerCase()} at once. They can ask for access again.`,
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
        <Text size="sm">{row.original.user.name}</Text>
        <Text size="xs" c="dimmed">
          {row.original.user.email}
        </Text>
      </Stack>
    ),
  },
  { id: "partner", header: "Partner", cell: ({ row }) => row.original.partner.name },
  { id: "role", header: "Role", cell: ({ row }) => row.original.role.name },
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

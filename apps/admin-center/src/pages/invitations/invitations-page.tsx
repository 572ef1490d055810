// Invitations (route /invitations): the organization's invitations the admin may see, by status (pending,
// expired, accepted, revoked); resend (pending or expired) shows the new link once, revoke (pending) confirms.
import { useSignedInOrg, useTRPC } from "@gatehouse/client";
import { type Column, Crumbs, DataTable, EmptyState } from "@gatehouse/ui";
import { Anchor, Badge, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { AcceptLinks, type SentLink } from "../invite/accept-links.tsx";
import { scopePath } from "./grant-text.ts";
import { type Invitation, InvitationActions } from "./invitation-actions.tsx";

type Status = Invitation["status"];
const statuses: ReadonlyArray<{ value: Status; label: string }> = [
  { value: "pending", label: "Pending" },
  { value: "expired", label: "Expired" },
  { value: "accepted", label: "Accepted" },
  { value: "revoked", label: "Revoked" },
];
const statusColor: Record<Status, string> = {
  pending: "blue",
  expired: "orange",
  accepted: "green",
  revoked: "gray",
};

const dateText = (iso: string | null): string => (iso === null ? "—" : new Date(iso).toLocaleString());

export const InvitationsPage = () => {
  const trpc = useTRPC();
  const org = useSignedInOrg();
  const [status, setStatus] = useState<Status>("pending");
  const [resent, setResent] = useState<SentLink | undefined>();
  const invitations = useQuery(
    trpc.invitations.list.queryOptions(org === undefined ? skipToken : { org, status }),
  );
  const columns = useMemo(
    (): ReadonlyArray<Column<Invitation>> => [
      {
        id: "invitee",
        header: "Invitee",
        cell: ({ row }) => (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {row.original.email}
            </Text>
            <Text size="xs" c="dimmed">
              {row.original.name}
            </Text>
          </Stack>
        ),
      },
      {
        id: "access",
        header: "Access",
        cell: ({ row }) => (
          <Stack gap={0}>
            {row.original.grants.map((grant) => (
              <Text
                key={JSON.stringify(grant)}
                size="sm"
                title={`${grant.role} at ${scopePath(grant.scope)}`}
              >
                {grant.roleName} at {grant.where}
              </Text>
            ))}
          </Stack>
        ),
      },
      {
        id: "status",
        header: "Status",
        cell: ({ row }) => (
          <Badge color={statusColor[row.original.status]} variant="light">
            {row.original.status}
          </Badge>
        ),
      },
      {
        id: "dates",
        header: "Dates",
        cell: ({ row }) => {
          const i = row.original;
          return (
            <Text size="xs">
              {i.status === "accepted"
                ? `Accepted ${dateText(i.acceptedAt)}`
                : i.status === "revoked"
                  ? `Revoked ${dateText(i.revokedAt)}`
                  : `Expires ${dateText(i.expiresAt)}`}
              {i.resendCount > 0 ? ` · resent ${i.resendCount}×` : ""}
              {i.invitedByPerson?.name == null ? "" : ` · invited by ${i.invitedByPerson.name}`}
            </Text>
          );
        },
      },
      {
        id: "actions",
        header: "Actions",
        cell: ({ row }) => <InvitationActions invitation={row.original} onResent={setResent} />,
      },
    ],
    [],
  );

  return (
    <Stack>
      <Crumbs items={[{ label: "Users", to: "/users" }, { label: "Invitations" }]} />
      <Group justify="space-between">
        <Title order={1} size="h2">
          Invitations
        </Title>
        <Group gap="md">
          <Anchor component={Link} to="/invite">
            Invite user
          </Anchor>
          <Anchor component={Link} to="/invite/bulk">
            Invite from CSV
          </Anchor>
        </Group>
      </Group>
      <SegmentedControl
        aria-label="Status"
        data={statuses.map((s) => ({ value: s.value, label: s.label }))}
        value={status}
        onChange={(value) => setStatus(value as Status)}
        w="fit-content"
      />
      {resent === undefined ? null : <AcceptLinks title="Invitation resent" links={[resent]} />}
      {org === undefined ? (
        <EmptyState title="No organization">The platform operator has no invitations.</EmptyState>
      ) : (
        <DataTable
          label="Invitations"
          columns={columns}
          rows={invitations.data}
          rowKey={(i) => i.id}
          error={invitations.error}
          onRetry={() => void invitations.refetch()}
          empty={{
            title: `No ${status} invitations`,
            hint: "Invitations you may see, sent to the places you administer, are listed here.",
          }}
        />
      )}
    </Stack>
  );
};

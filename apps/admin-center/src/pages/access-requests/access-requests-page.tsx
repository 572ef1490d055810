// Partner access requests (route /access-requests): the requests partner users sent to this organization,
// with approve (choosing the Mission Control role) and deny, and the withdrawal of an approval waiting for the
// operator, each guarded by the engine and confirmed.
import { type RouterInputs, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { type Column, Crumbs, DataTable, EmptyState, requestPathLabel } from "@gatehouse/ui";
import { SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApproveDialog } from "./approve-dialog.tsx";
import { DecisionButtons } from "./decision-buttons.tsx";
import { RequestStatus } from "./request-status.tsx";
import type { AccessRequest } from "./request-view.ts";
import { Requester } from "./requester.tsx";
import { useDecide } from "./use-decide.ts";

type StatusFilter = NonNullable<RouterInputs["accessRequests"]["list"]["status"]> | "all";

const filters: Array<{ value: StatusFilter; label: string }> = [
  { value: "pending", label: "Pending" },
  { value: "customer-approved", label: "Waiting for the operator" },
  { value: "all", label: "All" },
];

export const AccessRequestsPage = () => {
  const org = useSignedInOrg() ?? "";
  return (
    <Stack>
      <Crumbs items={[{ label: "Admin Center", to: "/" }, { label: "Partner access" }]} />
      <Title order={1} size="h2">
        Partner access requests
      </Title>
      <Text size="sm" c="dimmed">
        Partner users ask for a Mission Control role in your organization. Approve a direct request to grant
        it now; an approved support ticket waits for the platform operator, and you may withdraw your approval
        until the operator completes it.
      </Text>
      {org === "" ? (
        <EmptyState title="No organization">
          Partner access is managed by a customer organization's admins.
        </EmptyState>
      ) : (
        <RequestsTable org={org} />
      )}
    </Stack>
  );
};

const RequestsTable = ({ org }: { org: string }) => {
  const trpc = useTRPC();
  const [status, setStatus] = useState<StatusFilter>("pending");
  const [approving, setApproving] = useState<AccessRequest | undefined>(undefined);
  const decide = useDecide();
  const requests = useQuery(
    trpc.accessRequests.list.queryOptions(status === "all" ? { org } : { org, status }),
  );
  const instanceName = (request: AccessRequest): string => request.instanceName ?? "All environments";

  const columns: Array<Column<AccessRequest>> = [
    {
      id: "partner",
      header: "Partner",
      cell: ({ row }) => <span title={row.original.partnerOrg}>{row.original.partnerName}</span>,
    },
    {
      id: "requester",
      header: "Requester",
      cell: ({ row }) => <Requester request={row.original} />,
    },
    {
      id: "role",
      header: "Requested role",
      cell: ({ row }) => <span title={row.original.role}>{row.original.roleName}</span>,
    },
    { id: "instance", header: "Instance", cell: ({ row }) => instanceName(row.original) },
    { id: "path", header: "Path", cell: ({ row }) => requestPathLabel(row.original.path) },
    { id: "status", header: "Status", cell: ({ row }) => <RequestStatus request={row.original} /> },
    {
      id: "note",
      header: "Note",
      // A note runs to 1,000 characters: it wraps within its own column, leaving room for the decision beside it.
      cell: ({ row }) => (
        <Text size="sm" maw="18rem" style={{ overflowWrap: "anywhere" }}>
          {row.original.note ?? ""}
        </Text>
      ),
    },
    {
      id: "decide",
      header: "Decision",
      cell: ({ row }) =>
        row.original.status !== "pending" && row.original.status !== "customer-approved" ? null : (
          <DecisionButtons
            request={row.original}
            instanceName={instanceName(row.original)}
            onApprove={setApproving}
            onDecide={(decision) => decide.mutate(decision)}
          />
        ),
    },
  ];

  return (
    <Stack>
      <SegmentedControl
        aria-label="Status"
        value={status}
        onChange={(value) => setStatus(value as StatusFilter)}
        data={filters}
        w="fit-content"
      />
      <DataTable
        label="Partner access requests"
        columns={columns}
        rows={requests.data}
        rowKey={(request) => request.id}
        error={requests.error}
        onRetry={() => void requests.refetch()}
        empty={{
          title: status === "pending" ? "No pending requests" : "No requests",
          hint: "Requests appear here when a partner user asks for Mission Control access.",
        }}
      />
      {approving === undefined ? null : (
        <ApproveDialog
          request={approving}
          instanceName={instanceName(approving)}
          pending={decide.isPending}
          onClose={() => setApproving(undefined)}
          onDecide={(decision) => decide.mutate(decision, { onSuccess: () => setApproving(undefined) })}
        />
      )}
    </Stack>
  );
};

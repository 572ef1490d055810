// The partner user's own access requests, newest first, with their state; a pending one can be withdrawn (confirmed,
// as the server answers accessRequests.cancel), and the list follows the decisions (see use-my-requests.ts).
import { useGatehouse, useTRPC } from "@gatehouse/client";
import { type Column, confirm, DataTable, GuardedCall, requestPathLabel, toast } from "@gatehouse/ui";
import { Button } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { RequestStatusCell } from "./request-status.tsx";
import type { MyRequest } from "./request-words.ts";
import { useMyRequests } from "./use-my-requests.ts";

const useCancel = () => {
  const client = useGatehouse();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: MyRequest) => client.accessRequests.cancel.mutate({ id: request.id }),
    onSuccess: (_, request) =>
      toast.success(`Withdrew your request to ${request.customerName ?? request.customerOrg}`),
    onError: (error) => toast.failure(error),
    onSettled: () => queryClient.invalidateQueries(trpc.accessRequests.mine.queryFilter()),
  });
};

export const MyRequests = () => {
  const cancel = useCancel();
  const requests = useMyRequests();
  const withdraw = (request: MyRequest) =>
    confirm({
      title: "Withdraw the request",
      message: `Withdraw your request for ${request.roleName} at ${request.customerName ?? request.customerOrg}? You can ask again later.`,
      confirmLabel: "Withdraw",
      cancelLabel: "Keep request",
      destructive: true,
      onConfirm: () => cancel.mutate(request),
    });
  const columns: Array<Column<MyRequest>> = [
    {
      id: "customer",
      header: "Customer",
      cell: ({ row }) => (
        <span title={row.original.customerOrg}>{row.original.customerName ?? row.original.customerOrg}</span>
      ),
    },
    {
      id: "role",
      header: "Role",
      cell: ({ row }) => {
        const { role, roleName, grantedRoleName } = row.original;
        // A customer may grant another role than the one asked: say which it gave.
        return grantedRoleName === null || grantedRoleName === roleName ? (
          <span title={role}>{roleName}</span>
        ) : (
          <span title={role}>
            {roleName}, granted {grantedRoleName}
          </span>
        );
      },
    },
    {
      id: "instance",
      header: "Instance",
      cell: ({ row }) =>
        row.original.instance === null ? (
          "All environments"
        ) : (
          <span title={row.original.instance}>{row.original.instanceName ?? row.original.instance}</span>
        ),
    },
    { id: "path", header: "Path", cell: ({ row }) => requestPathLabel(row.original.path) },
    { id: "status", header: "Status", cell: ({ row }) => <RequestStatusCell request={row.original} /> },
    { id: "note", header: "Note", cell: ({ row }) => row.original.note ?? "" },
    {
      id: "cancel",
      header: "",
      cell: ({ row }) =>
        row.original.status !== "pending" ? null : (
          <GuardedCall procedure="accessRequests.cancel" input={{ id: row.original.id }}>
            {(disabled) => (
              <Button
                size="xs"
                color="red"
                variant="light"
                disabled={disabled}
                loading={cancel.isPending && cancel.variables?.id === row.original.id}
                aria-label={`Withdraw the request to ${row.original.customerName ?? row.original.customerOrg}`}
                onClick={() => withdraw(row.original)}
              >
                Withdraw
              </Button>
            )}
          </GuardedCall>
        ),
    },
  ];
  return (
    <DataTable
      label="Your access requests"
      columns={columns}
      rows={requests.data}
      rowKey={(request) => request.id}
      error={requests.error}
      onRetry={() => void requests.refetch()}
      empty={{ title: "No requests yet", hint: "Requests you send to a customer appear here." }}
    />
  );
};

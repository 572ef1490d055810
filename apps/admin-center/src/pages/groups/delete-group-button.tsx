// Deletes a custom group after a confirmation saying what goes with it (its memberships and the roles it
// gives); guarded by `admin-center:group.manage` at the organization, and refused by the server anyway.
import { useGatehouse } from "@gatehouse/client";
import { confirm, Guarded, toast } from "@gatehouse/ui";
import { Button } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { groupsKey } from "./group-queries.ts";

export interface DeletableGroup {
  readonly id: string;
  readonly org: string;
  readonly name: string;
  readonly version: number;
  readonly memberCount: number;
}

export const DeleteGroupButton = ({
  group,
  onDeleted,
}: {
  group: DeletableGroup;
  onDeleted?: () => void;
}) => {
  const client = useGatehouse();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => client.groups.remove.mutate({ id: group.id, version: group.version }),
    onSuccess: () => {
      toast.success(`Deleted the group "${group.name}"`);
      void queryClient.invalidateQueries({ queryKey: groupsKey });
      onDeleted?.();
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <Guarded action="admin-center:group.manage" resource={{ org: group.org }}>
      {(disabled) => (
        <Button
          size="xs"
          color="red"
          variant="light"
          disabled={disabled}
          loading={remove.isPending}
          aria-label={`Delete ${group.name}`}
          onClick={() =>
            confirm({
              title: "Delete group",
              message: `Delete "${group.name}"? Its ${group.memberCount} members lose the roles the group gives them. This cannot be undone.`,
              confirmLabel: "Delete group",
              destructive: true,
              onConfirm: () => remove.mutate(),
            })
          }
        >
          Delete
        </Button>
      )}
    </Guarded>
  );
};

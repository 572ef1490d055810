// Deletes a custom group after a confirmation saying what goes with it (its memberships and the roles it
// gives); guarded by the server's own answer for `groups.remove` on this group at this version.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { ConfirmButton, toast } from "@gatehouse/ui";
import { useMutation } from "@tanstack/react-query";

export interface DeletableGroup {
  readonly id: string;
  readonly org: string;
  readonly name: string;
  readonly version: number;
  readonly memberCount: number;
}

/** Who loses what, counted as people read it. */
const membersLose = (count: number): string =>
  count === 0
    ? "It has no members."
    : count === 1
      ? "Its 1 member loses the roles the group gives them."
      : `Its ${count} members lose the roles the group gives them.`;

export const DeleteGroupButton = ({
  group,
  onDeleted,
}: {
  group: DeletableGroup;
  onDeleted?: () => void;
}) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const remove = useMutation({
    mutationFn: () => client.groups.remove.mutate({ id: group.id, version: group.version }),
    onSuccess: () => {
      toast.success(`Deleted the group "${group.name}"`);
      void refresh.after("subject.removed");
      onDeleted?.();
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <ConfirmButton
      procedure="groups.remove"
      input={{ id: group.id, version: group.version }}
      ariaLabel={`Delete ${group.name}`}
      pending={remove.isPending}
      confirm={{
        title: "Delete group",
        message: `Delete "${group.name}"? ${membersLose(group.memberCount)} This cannot be undone.`,
        confirmLabel: "Delete group",
        cancelLabel: "Keep group",
      }}
      onConfirm={() => remove.mutate()}
    >
      Delete
    </ConfirmButton>
  );
};

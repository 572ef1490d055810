// Deletes a custom role after a confirmation naming what goes with it (the role's grants); guarded by the
// server's own answer for `roles.deleteCustom` on this role at this version.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { ConfirmButton, toast } from "@gatehouse/ui";
import { useMutation } from "@tanstack/react-query";

export interface DeletableRole {
  readonly id: string;
  readonly name: string;
  readonly version: number;
}

export const DeleteRoleButton = ({ role, onDeleted }: { role: DeletableRole; onDeleted?: () => void }) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const remove = useMutation({
    mutationFn: () => client.roles.deleteCustom.mutate({ id: role.id, version: role.version }),
    onSuccess: () => {
      toast.success(`Deleted the custom role "${role.name}"`);
      void refresh.after("role.removed");
      onDeleted?.();
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <ConfirmButton
      procedure="roles.deleteCustom"
      input={{ id: role.id, version: role.version }}
      ariaLabel={`Delete ${role.name}`}
      pending={remove.isPending}
      confirm={{
        title: "Delete custom role",
        message: `Delete "${role.name}"? Everyone holding it loses its permissions: its grants are removed too. This cannot be undone.`,
        confirmLabel: "Delete role",
        cancelLabel: "Keep role",
      }}
      onConfirm={() => remove.mutate()}
    >
      Delete
    </ConfirmButton>
  );
};

// Edit role and Delete role for one grant: open when the engine allows admin-center:user.edit-role at the grant's
// place and lets the admin give the grant's role there (changing or removing a role follows the rule for giving
// it); otherwise disabled with the "Why?" of whichever refused.
import type { Resource } from "@gatehouse/client";
import { Guarded } from "@gatehouse/ui";
import { ActionIcon, Group, Tooltip } from "@mantine/core";
import { AssignWhy } from "../invite/assign-why.tsx";
import { useAssignableRoles } from "./entitlement-queries.ts";

export interface GrantActionsProps {
  readonly role: string | null;
  readonly roleName: string;
  readonly scope: Resource;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

export const GrantActions = ({ role, roleName, scope, onEdit, onDelete }: GrantActionsProps) => {
  // Only roles at a product's scope are edited in place; an organization-wide role is deleted and given again.
  const editable = role !== null && scope.product !== undefined;
  const assignable = useAssignableRoles(editable ? scope : undefined);
  const refusal = assignable.data?.roles.find((r) => r.id === role && r.decision === "deny");
  const waiting = editable && assignable.data === undefined;
  return (
    <Guarded action="admin-center:user.edit-role" resource={scope}>
      {(disabled) => (
        <Group gap={4} wrap="nowrap">
          <Tooltip label={editable ? "Edit role" : "An organization-wide role is deleted, not edited"}>
            <ActionIcon
              variant="subtle"
              aria-label={`Edit role ${roleName}`}
              disabled={disabled || !editable || waiting || refusal !== undefined}
              onClick={onEdit}
            >
              ✎
            </ActionIcon>
          </Tooltip>
          <Tooltip label="Delete role">
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Delete role ${roleName}`}
              disabled={disabled || waiting || refusal !== undefined}
              onClick={onDelete}
            >
              ✕
            </ActionIcon>
          </Tooltip>
          {refusal === undefined ? null : <AssignWhy roleName={roleName} reason={refusal.reason} />}
        </Group>
      )}
    </Guarded>
  );
};

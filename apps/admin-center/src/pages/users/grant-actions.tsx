// Edit role and Delete role for one grant, each guarded by the server's answer for its very call on this grant
// at this version (grants.update, grants.remove: engine.assign for the grant's role there); "Why?" gives a refusal.
import { useMay } from "@gatehouse/client";
import { WhyRefused } from "@gatehouse/ui";
import { ActionIcon, Group, Tooltip } from "@mantine/core";

export interface GrantActionsProps {
  readonly grant: { readonly id: string; readonly version: number };
  /** Only roles at a product's scope are edited in place; an organization-wide role is deleted and given again. */
  readonly editable: boolean;
  readonly roleName: string;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
}

export const GrantActions = ({ grant, editable, roleName, onEdit, onDelete }: GrantActionsProps) => {
  const at = { id: grant.id, version: grant.version };
  const edit = useMay("grants.update", at);
  const remove = useMay("grants.remove", at);
  const refusal = [remove.answer, edit.answer].find((answer) => answer?.allowed === false);
  return (
    <Group gap={4} wrap="nowrap">
      <Tooltip label={editable ? "Edit role" : "An organization-wide role is deleted, not edited"}>
        <ActionIcon
          variant="subtle"
          aria-label={`Edit role ${roleName}`}
          disabled={edit.allowed !== true || !editable}
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
          disabled={remove.allowed !== true}
          onClick={onDelete}
        >
          ✕
        </ActionIcon>
      </Tooltip>
      {refusal?.allowed === false ? <WhyRefused reason={refusal.reason} /> : null}
    </Group>
  );
};

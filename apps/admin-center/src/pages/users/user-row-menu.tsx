// A user row's "More options" menu (seed 001): View details, Remove access (from this instance or project) and
// Delete user; an option the engine refuses is disabled and says so. The server refuses it anyway.
import { ActionIcon, Menu } from "@mantine/core";
import { Link } from "react-router";
import { type UserScope, userDetailsPath } from "../products/scope-paths.ts";
import type { UserRef } from "./user-mutations.ts";

export interface UserRowMenuProps {
  readonly user: UserRef;
  readonly scope: UserScope;
  /** Undefined on the organization's list (access is removed from one instance or project). */
  readonly onRemoveAccess: ((user: UserRef) => void) | undefined;
  readonly onDelete: (user: UserRef) => void;
  readonly mayRemoveAccess: boolean;
  readonly mayDelete: boolean;
}

const refusedHint = "You may not do this here; the user's details say why";

export const UserRowMenu = ({
  user,
  scope,
  onRemoveAccess,
  onDelete,
  mayRemoveAccess,
  mayDelete,
}: UserRowMenuProps) => (
  <Menu position="bottom-end" withinPortal>
    <Menu.Target>
      <ActionIcon variant="subtle" color="gray" aria-label={`More options for ${user.email}`}>
        ⋯
      </ActionIcon>
    </Menu.Target>
    <Menu.Dropdown>
      <Menu.Item component={Link} to={userDetailsPath(user.id, scope)}>
        View details
      </Menu.Item>
      {onRemoveAccess === undefined ? null : (
        <Menu.Item
          disabled={!mayRemoveAccess}
          title={mayRemoveAccess ? undefined : refusedHint}
          onClick={() => onRemoveAccess(user)}
        >
          Remove access
        </Menu.Item>
      )}
      <Menu.Item
        color="red"
        disabled={!mayDelete}
        title={mayDelete ? undefined : refusedHint}
        onClick={() => onDelete(user)}
      >
        Delete user
      </Menu.Item>
    </Menu.Dropdown>
  </Menu>
);

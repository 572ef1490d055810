// A user row's "More options" menu (seed 001): View details, Remove access (from this instance or project) and
// Delete user; each option asks the server about its very call when the menu opens (useMay), and a refused one is
// disabled with the server's reason.
import { useMay } from "@gatehouse/client";
import { ActionIcon, Menu } from "@mantine/core";
import { Link } from "react-router";
import { type UserScope, userDetailsPath } from "../products/scope-paths.ts";
import type { UserRef } from "./user-mutations.ts";

export interface UserRowMenuProps {
  readonly user: UserRef;
  /** The organization whose list this is (access is removed at `{ org, ...scope }`). */
  readonly org: string;
  readonly scope: UserScope;
  /** Undefined on the organization's list (access is removed from one instance or project). */
  readonly onRemoveAccess: ((user: UserRef) => void) | undefined;
  readonly onDelete: (user: UserRef) => void;
}

/** The server's refusal of the call, as the option's hint; undefined while asking or when allowed. */
const hintOf = (may: ReturnType<typeof useMay>) =>
  may.answer?.allowed === false ? may.answer.reason : undefined;

/** The options that call a mutation: rendered (and so asked about) only while the menu is open. */
const CallingItems = ({ user, org, scope, onRemoveAccess, onDelete }: UserRowMenuProps) => {
  const removeAccess = useMay("users.removeAccess", { userId: user.id, scope: { org, ...scope } });
  const removeFromAccount = useMay("users.removeFromAccount", { userId: user.id });
  return (
    <>
      {onRemoveAccess === undefined ? null : (
        <Menu.Item
          disabled={removeAccess.allowed !== true}
          title={hintOf(removeAccess)}
          onClick={() => onRemoveAccess(user)}
        >
          Remove access
        </Menu.Item>
      )}
      <Menu.Item
        color="red"
        disabled={removeFromAccount.allowed !== true}
        title={hintOf(removeFromAccount)}
        onClick={() => onDelete(user)}
      >
        Delete user
      </Menu.Item>
    </>
  );
};

export const UserRowMenu = (props: UserRowMenuProps) => (
  <Menu position="bottom-end" withinPortal>
    <Menu.Target>
      <ActionIcon variant="subtle" color="gray" aria-label={`More options for ${props.user.email}`}>
        ⋯
      </ActionIcon>
    </Menu.Target>
    <Menu.Dropdown>
      <Menu.Item component={Link} to={userDetailsPath(props.user.id, props.scope)}>
        View details
      </Menu.Item>
      <CallingItems {...props} />
    </Menu.Dropdown>
  </Menu>
);

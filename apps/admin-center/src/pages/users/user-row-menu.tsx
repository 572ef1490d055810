// A user row's "More options" menu (seed 001): View details, then Remove access and Delete user (both on this
// instance or project), then the account-wide options, set apart: Deactivate or Reactivate, and Remove from
// account. Each option asks the server about its very call when the menu opens (useMay); a refused one is
// disabled with the server's reason.
import { useMay } from "@gatehouse/client";
import { ActionIcon, Menu } from "@mantine/core";
import { Link } from "react-router";
import { type UserScope, userDetailsPath } from "../products/scope-paths.ts";
import type { UserRef } from "./user-mutations.ts";

/** What each option does once chosen (each asks for confirmation); undefined hides a place's options. */
export interface UserRowActions {
  readonly removeAccess: ((user: UserRef) => void) | undefined;
  readonly deleteUser: ((user: UserRef) => void) | undefined;
  readonly deactivate: (user: UserRef) => void;
  readonly reactivate: (user: UserRef) => void;
  readonly removeFromAccount: (user: UserRef) => void;
}

export interface UserRowMenuProps {
  readonly user: UserRef & { readonly status: string };
  /** The organization whose list this is (the place's options act at `{ org, ...scope }`). */
  readonly org: string;
  readonly scope: UserScope;
  readonly actions: UserRowActions;
}

/** The server's refusal of the call, as the option's hint; undefined while asking or when allowed. */
const hintOf = (may: ReturnType<typeof useMay>) =>
  may.answer?.allowed === false ? may.answer.reason : undefined;

const PlaceItems = ({ user, org, scope, actions }: UserRowMenuProps) => {
  const at = { userId: user.id, scope: { org, ...scope } };
  const removeAccess = useMay("users.removeAccess", at);
  const deleteUser = useMay("users.delete", at);
  const { removeAccess: onRemoveAccess, deleteUser: onDelete } = actions;
  if (onRemoveAccess === undefined || onDelete === undefined) return null;
  return (
    <>
      <Menu.Item
        disabled={removeAccess.allowed !== true}
        title={hintOf(removeAccess)}
        onClick={() => onRemoveAccess(user)}
      >
        Remove access
      </Menu.Item>
      <Menu.Item
        color="red"
        disabled={deleteUser.allowed !== true}
        title={hintOf(deleteUser)}
        onClick={() => onDelete(user)}
      >
        Delete user
      </Menu.Item>
    </>
  );
};

const AccountItems = ({ user, actions }: UserRowMenuProps) => {
  const deactivated = user.status === "deactivated";
  const status = useMay(deactivated ? "users.reactivate" : "users.deactivate", { userId: user.id });
  const removeFromAccount = useMay("users.removeFromAccount", { userId: user.id });
  return (
    <>
      <Menu.Label>Whole account</Menu.Label>
      {user.status === "active" || deactivated ? (
        <Menu.Item
          disabled={status.allowed !== true}
          title={hintOf(status)}
          onClick={() => (deactivated ? actions.reactivate(user) : actions.deactivate(user))}
        >
          {deactivated ? "Reactivate" : "Deactivate"}
        </Menu.Item>
      ) : null}
      <Menu.Item
        color="red"
        disabled={removeFromAccount.allowed !== true}
        title={hintOf(removeFromAccount)}
        onClick={() => actions.removeFromAccount(user)}
      >
        Remove from account
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
      {/* Rendered (and so asked about) only while the menu is open. */}
      <PlaceItems {...props} />
      <Menu.Divider />
      <AccountItems {...props} />
    </Menu.Dropdown>
  </Menu>
);

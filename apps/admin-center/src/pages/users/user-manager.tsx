// The User Manager: everyone whose grants reach an instance or project, with their roles there and where each sits
// (or every user of the organization), a page at a time from the server (keyset cursor), searched and sorted there;
// exported as CSV with the same place, search and sort.
import { type RouterInputs, type RouterOutputs, useGatehouse, useTRPC } from "@gatehouse/client";
import { type Column, PagedTable, type Sort, useSearchedPages } from "@gatehouse/ui";
import { Anchor, Group, Stack } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { ExportButton } from "../export-button.tsx";
import { type UserScope, userDetailsPath } from "../products/scope-paths.ts";
import { AccessCell } from "./access-cell.tsx";
import { useAccountStatus, useDeleteUser, useRemoveAccess, useRemoveFromAccount } from "./user-mutations.ts";
import { UserRowMenu } from "./user-row-menu.tsx";
import { UserStatusBadge } from "./user-status-badge.tsx";

type UserRow = RouterOutputs["users"]["list"]["items"][number];
type UserSortBy = NonNullable<RouterInputs["users"]["list"]["sort"]>["by"];

/** The columns the server sorts by; the list starts by email, A to Z, as the server does. */
const sortableColumns: ReadonlyArray<UserSortBy> = ["name", "email", "status"];
const byEmail: Sort<UserSortBy> = { by: "email", direction: "asc" };

/** Users per page. */
const PAGE_SIZE = 25;

/** The search of a list input (the export takes it, never the page's cursor: it reads every page). */
const searchOf = (input: { readonly search?: string }) =>
  input.search === undefined ? {} : { search: input.search };

export interface UserManagerProps {
  readonly org: string;
  /** The instance or project (or product) whose users to list; the whole organization when empty. */
  readonly scope: UserScope;
  /** The place's name, for confirmations ("Remove access from Acme Site?"). */
  readonly placeName: string;
}

export const UserManager = ({ org, scope, placeName }: UserManagerProps) => {
  const trpc = useTRPC();
  const client = useGatehouse();
  const [sort, setSort] = useState(byEmail);
  // A new search or sort starts again from the first page (a cursor only continues its own sort).
  const { searchBox, searched, pages, pageInput } = useSearchedPages("Search users", sort);

  const hasScope = scope.product !== undefined;
  const users = useQuery(
    trpc.users.list.queryOptions(
      {
        org,
        limit: PAGE_SIZE,
        sort,
        ...(hasScope ? { scope } : {}),
        ...pageInput,
      },
      { placeholderData: keepPreviousData },
    ),
  );

  const removeAccess = useRemoveAccess(org, scope, placeName);
  const deleteUser = useDeleteUser(org, scope, placeName);
  const removeFromAccount = useRemoveFromAccount();
  const deactivate = useAccountStatus("deactivate");
  const reactivate = useAccountStatus("reactivate");
  // Remove access and Delete user act on one instance or project: not on a product's or the organization's list.
  const atPlace = scope.instance !== undefined;
  const actions = {
    removeAccess: atPlace ? removeAccess.ask : undefined,
    deleteUser: atPlace ? deleteUser.ask : undefined,
    deactivate: deactivate.ask,
    reactivate: reactivate.ask,
    removeFromAccount: removeFromAccount.ask,
  };

  const columns: Array<Column<UserRow>> = [
    {
      id: "name",
      header: "Name",
      cell: ({ row }) => (
        <Anchor component={Link} to={userDetailsPath(row.original.id, scope)} size="sm">
          {row.original.name}
        </Anchor>
      ),
    },
    { id: "email", header: "Email", cell: ({ row }) => row.original.email },
    ...(hasScope
      ? [
          {
            id: "roles",
            header: "Role",
            cell: ({ row }) => <AccessCell access={row.original.access} />,
          } satisfies Column<UserRow>,
        ]
      : []),
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => <UserStatusBadge status={row.original.status} />,
    },
    {
      id: "options",
      header: "",
      cell: ({ row }) => (
        <Group justify="flex-end">
          <UserRowMenu user={row.original} org={org} scope={scope} actions={actions} />
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        {searchBox}
        <ExportButton
          label="Export users as CSV"
          load={() =>
            client.exports.users.query({ org, sort, ...(hasScope ? { scope } : {}), ...searchOf(pageInput) })
          }
        />
      </Group>
      <PagedTable
        label={`Users of ${placeName}`}
        columns={columns}
        query={users}
        pages={pages}
        rowKey={(row) => row.id}
        sorting={{ columns: sortableColumns, sort, onSortChange: setSort }}
        empty={
          searched === ""
            ? { title: "No users here yet", hint: "Invite a user to give them a role here." }
            : { title: `No user matches "${searched}"`, hint: "Search by part of a name or an email." }
        }
      />
    </Stack>
  );
};

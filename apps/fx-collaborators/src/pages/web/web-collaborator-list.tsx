// A Web project's collaborators, a keyset page at a time from users.list with the project scope, searched on the
// server: name, email, role, invited/active, and the change and remove controls.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { type Column, PagedTable, useSearchedPages } from "@gatehouse/ui";
import { Stack } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { statusColumn } from "../collaborators/status-column.tsx";
import type { WebProject } from "../projects/feature-projects.ts";
import { WebRemoveCell, WebRoleCell } from "./web-collaborator-cells.tsx";

type Row = RouterOutputs["users"]["list"]["items"][number];

/** Collaborators per page. */
const PAGE_SIZE = 20;

export const WebCollaboratorList = ({ project }: { readonly project: WebProject }) => {
  const trpc = useTRPC();
  const { searchBox, searched, pages, pageInput } = useSearchedPages("Search collaborators");
  const { org, ...scope } = project.scope;
  const users = useQuery(
    trpc.users.list.queryOptions(
      { org, scope, limit: PAGE_SIZE, ...pageInput },
      { placeholderData: keepPreviousData },
    ),
  );
  const columns: Array<Column<Row>> = [
    { id: "name", header: "Name", cell: ({ row }) => row.original.name },
    { id: "email", header: "Email", cell: ({ row }) => row.original.email },
    { id: "role", header: "Role", cell: ({ row }) => <WebRoleCell project={project} user={row.original} /> },
    statusColumn<Row>(),
    { id: "remove", header: "", cell: ({ row }) => <WebRemoveCell project={project} user={row.original} /> },
  ];
  return (
    <Stack gap="sm">
      {searchBox}
      <PagedTable
        label={`Collaborators of ${project.name}`}
        columns={columns}
        query={users}
        pages={pages}
        rowKey={(row) => row.id}
        empty={
          searched === ""
            ? {
                title: "No collaborators yet",
                hint: "Invite collaborators to give them a role in the project.",
              }
            : {
                title: `No collaborator matches "${searched}"`,
                hint: "Search by part of a name or an email.",
              }
        }
      />
    </Stack>
  );
};

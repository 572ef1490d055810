// The project's collaborators, a keyset page at a time from users.list with the project scope, searched on the
// server: name, email, project role, granular roles, invited/active, and the change and remove controls.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { type Column, PagedTable, useSearchedPages } from "@gatehouse/ui";
import { Anchor, Badge, Stack } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import type { FeatureProject } from "../projects/feature-projects.ts";
import { GranularCell, RemoveCell, RoleCell } from "./collaborator-cells.tsx";

type Row = RouterOutputs["users"]["list"]["items"][number];

/** Collaborators per page. */
const PAGE_SIZE = 20;

const statusColor: Record<string, string> = { active: "green", invited: "blue" };

export const CollaboratorList = ({ project }: { readonly project: FeatureProject }) => {
  const trpc = useTRPC();
  const { searchBox, searched, pages, pageInput } = useSearchedPages("Search collaborators");
  const { org, ...scope } = project.scope;
  const users = useQuery(
    trpc.users.list.queryOptions(
      {
        org,
        scope,
        limit: PAGE_SIZE,
        ...pageInput,
      },
      { placeholderData: keepPreviousData },
    ),
  );

  const columns: Array<Column<Row>> = [
    {
      id: "name",
      header: "Name",
      cell: ({ row }) => (
        <Anchor component={Link} to={`/projects/${project.id}/collaborators/${row.original.id}`} size="sm">
          {row.original.name}
        </Anchor>
      ),
    },
    { id: "email", header: "Email", cell: ({ row }) => row.original.email },
    {
      id: "role",
      header: "Project role",
      cell: ({ row }) => <RoleCell project={project} user={row.original} />,
    },
    {
      id: "granular",
      header: "Granular roles",
      cell: ({ row }) => <GranularCell project={project} user={row.original} />,
    },
    {
      id: "status",
      header: "Status",
      cell: ({ row }) => (
        <Badge variant="light" color={statusColor[row.original.status] ?? "gray"} miw="max-content">
          {row.original.status}
        </Badge>
      ),
    },
    { id: "remove", header: "", cell: ({ row }) => <RemoveCell project={project} user={row.original} /> },
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
            ? { title: "No collaborators yet", hint: "Invite a collaborator to give them a project role." }
            : {
                title: `No collaborator matches "${searched}"`,
                hint: "Search by part of a name or an email.",
              }
        }
      />
    </Stack>
  );
};

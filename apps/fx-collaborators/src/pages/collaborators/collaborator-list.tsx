// A Feature project's collaborators (the shared collaborator table): name, email, project role, granular roles,
// invited/active, and the change and remove controls.
import type { Column } from "@gatehouse/ui";
import { Anchor } from "@mantine/core";
import { Link } from "react-router";
import type { FeatureProject } from "../projects/feature-projects.ts";
import { GranularCell, RemoveCell, RoleCell } from "./collaborator-cells.tsx";
import { type CollaboratorRow, CollaboratorTable } from "./collaborator-table.tsx";
import { statusColumn } from "./status-column.tsx";

export const CollaboratorList = ({ project }: { readonly project: FeatureProject }) => {
  const columns: Array<Column<CollaboratorRow>> = [
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
    statusColumn<CollaboratorRow>(),
    { id: "remove", header: "", cell: ({ row }) => <RemoveCell project={project} user={row.original} /> },
  ];
  return (
    <CollaboratorTable
      project={project}
      columns={columns}
      emptyHint="Invite a collaborator to give them a project role."
    />
  );
};

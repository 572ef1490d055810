// A Web project's collaborators (the shared collaborator table): name, email, role, invited/active, and the
// change and remove controls.
import type { Column } from "@gatehouse/ui";
import { type CollaboratorRow, CollaboratorTable } from "../collaborators/collaborator-table.tsx";
import { statusColumn } from "../collaborators/status-column.tsx";
import type { WebProject } from "../projects/feature-projects.ts";
import { WebRemoveCell, WebRoleCell } from "./web-collaborator-cells.tsx";

export const WebCollaboratorList = ({ project }: { readonly project: WebProject }) => {
  const columns: Array<Column<CollaboratorRow>> = [
    { id: "name", header: "Name", cell: ({ row }) => row.original.name },
    { id: "email", header: "Email", cell: ({ row }) => row.original.email },
    { id: "role", header: "Role", cell: ({ row }) => <WebRoleCell project={project} user={row.original} /> },
    statusColumn<CollaboratorRow>(),
    { id: "remove", header: "", cell: ({ row }) => <WebRemoveCell project={project} user={row.original} /> },
  ];
  return (
    <CollaboratorTable
      project={project}
      columns={columns}
      emptyHint="Invite collaborators to give them a role in the project."
    />
  );
};

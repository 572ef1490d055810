// A table of Experimentation projects: name, platform, instance, and "Manage users" for the projects whose users
// the admin may view (others are listed, disabled with their "Why?": a project owner sees every project).
import { type Column, DataTable, Guarded } from "@gatehouse/ui";
import { Anchor, Badge, Button } from "@mantine/core";
import { Link, useNavigate } from "react-router";
import { EXPERIMENTATION } from "./org-queries.ts";
import { projectPath } from "./scope-paths.ts";

export interface ProjectRow {
  readonly id: string;
  readonly name: string;
  readonly platform: string;
  readonly instance: string;
  readonly instanceName: string;
}

const ManageUsers = ({ org, project }: { org: string; project: ProjectRow }) => {
  const navigate = useNavigate();
  const resource = { org, product: EXPERIMENTATION, instance: project.instance, project: project.id };
  return (
    <Guarded action="admin-center:user.view" resource={resource}>
      {(disabled) => (
        <Button
          size="xs"
          variant="light"
          disabled={disabled}
          aria-label={`Manage users of ${project.name}`}
          onClick={() => navigate(projectPath(project.id))}
        >
          Manage users
        </Button>
      )}
    </Guarded>
  );
};

export const ProjectTable = ({
  org,
  projects,
  error,
  onRetry,
  showInstance,
}: {
  org: string;
  projects: ReadonlyArray<ProjectRow> | undefined;
  error: unknown;
  onRetry: () => void;
  showInstance: boolean;
}) => {
  const columns: Array<Column<ProjectRow>> = [
    {
      id: "name",
      header: "Project",
      cell: ({ row }) => (
        <Anchor component={Link} to={projectPath(row.original.id)} size="sm">
          {row.original.name}
        </Anchor>
      ),
    },
    {
      id: "platform",
      header: "Platform",
      cell: ({ row }) => (
        <Badge variant="light" color={row.original.platform === "feature" ? "grape" : "cyan"}>
          {row.original.platform === "feature" ? "Feature" : "Web"}
        </Badge>
      ),
    },
    ...(showInstance
      ? [
          {
            id: "instance",
            header: "Instance",
            cell: ({ row }) => row.original.instanceName,
          } as Column<ProjectRow>,
        ]
      : []),
    { id: "users", header: "", cell: ({ row }) => <ManageUsers org={org} project={row.original} /> },
  ];
  return (
    <DataTable
      label="Projects"
      columns={columns}
      rows={projects}
      rowKey={(row) => row.id}
      error={error}
      onRetry={onRetry}
      empty={{
        title: "No projects yet",
        hint: "Projects are created in Experimentation by its administrators.",
      }}
    />
  );
};

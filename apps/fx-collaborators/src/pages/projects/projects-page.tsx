// Your Feature Experimentation projects (route /projects): the Feature projects whose collaborators you manage,
// each linking to its Settings › Collaborators and its flags.
import { useSignedInOrg } from "@gatehouse/client";
import { type Column, Crumbs, DataTable } from "@gatehouse/ui";
import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { type FeatureProject, useFeatureProjects } from "./feature-projects.ts";

const columns: Array<Column<FeatureProject>> = [
  { id: "name", header: "Project", cell: ({ row }) => row.original.name },
  { id: "instance", header: "Instance", cell: ({ row }) => row.original.instanceName },
  {
    id: "links",
    header: "",
    cell: ({ row }) => (
      <Group gap="md" justify="flex-end">
        <Anchor component={Link} to={`/projects/${row.original.id}/collaborators`} size="sm">
          Collaborators
        </Anchor>
        <Anchor component={Link} to={`/projects/${row.original.id}/flags`} size="sm">
          Flags
        </Anchor>
      </Group>
    ),
  },
];

export const ProjectsPage = () => {
  const org = useSignedInOrg();
  const projects = useFeatureProjects(org);
  return (
    <Stack>
      <Crumbs items={[{ label: "Projects" }]} />
      <Title order={2}>Your Feature Experimentation projects</Title>
      <Text c="dimmed" size="sm">
        Projects whose collaborators you manage: administrators of the instance and owners of a project.
      </Text>
      <DataTable
        label="Feature projects"
        columns={columns}
        rows={projects.data}
        rowKey={(row) => row.id}
        error={projects.error}
        onRetry={() => void projects.refetch()}
        empty={{
          title: "No Feature projects to manage",
          hint: "Collaborators are managed by the instance's administrators and the project's owners.",
        }}
      />
    </Stack>
  );
};

// Your Experimentation projects (route /projects): every Feature project you work in, each linking to its flags and
// audiences, and to its Settings › Collaborators where you manage them; then every Web project, linking to its
// collaborators.
import { useSignedInOrg } from "@gatehouse/client";
import { type Column, Crumbs, DataTable } from "@gatehouse/ui";
import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import {
  type FeatureProject,
  useFeatureProjects,
  useWebProjects,
  type WebProject,
} from "./feature-projects.ts";

const columns: Array<Column<FeatureProject>> = [
  { id: "name", header: "Project", cell: ({ row }) => row.original.name },
  { id: "instance", header: "Instance", cell: ({ row }) => row.original.instanceName },
  {
    id: "links",
    header: "",
    cell: ({ row }) => (
      <Group gap="md" justify="flex-end">
        <Anchor
          component={Link}
          to={`/projects/${row.original.id}/flags`}
          size="sm"
          aria-label={`Flags of ${row.original.name}`}
        >
          Flags
        </Anchor>
        <Anchor
          component={Link}
          to={`/projects/${row.original.id}/audiences`}
          size="sm"
          aria-label={`Audiences of ${row.original.name}`}
        >
          Audiences
        </Anchor>
        {row.original.manages ? (
          <Anchor
            component={Link}
            to={`/projects/${row.original.id}/collaborators`}
            size="sm"
            aria-label={`Collaborators of ${row.original.name}`}
          >
            Collaborators
          </Anchor>
        ) : null}
      </Group>
    ),
  },
];

const webColumns: Array<Column<WebProject>> = [
  { id: "name", header: "Project", cell: ({ row }) => row.original.name },
  { id: "instance", header: "Instance", cell: ({ row }) => row.original.instanceName },
  {
    id: "links",
    header: "",
    cell: ({ row }) =>
      row.original.manages ? (
        <Group justify="flex-end">
          <Anchor
            component={Link}
            to={`/web/${row.original.id}/collaborators`}
            size="sm"
            aria-label={`Collaborators of ${row.original.name}`}
          >
            Collaborators
          </Anchor>
        </Group>
      ) : null,
  },
];

export const ProjectsPage = () => {
  const org = useSignedInOrg();
  const projects = useFeatureProjects(org);
  const web = useWebProjects(org);
  return (
    <Stack>
      <Crumbs items={[{ label: "Projects" }]} />
      <Title order={1} size="h2">
        Your Experimentation projects
      </Title>
      <Text c="dimmed" size="sm">
        The Feature and Web projects you collaborate on. The instance's administrators and the project's
        owners also manage who collaborates.
      </Text>
      <Title order={2} size="h3">
        Feature Experimentation projects
      </Title>
      <DataTable
        label="Feature projects"
        columns={columns}
        rows={projects.data}
        rowKey={(row) => row.id}
        error={projects.error}
        onRetry={() => void projects.refetch()}
        empty={{
          title: "No Feature projects yet",
          hint: "Ask an administrator of the Experimentation instance or a project's owner to add you to a project.",
        }}
      />
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          Web Experimentation projects
        </Title>
        <Anchor component={Link} to="/web/roles" size="sm">
          Access by collaborator role
        </Anchor>
      </Group>
      <DataTable
        label="Web projects"
        columns={webColumns}
        rows={web.data}
        rowKey={(row) => row.id}
        error={web.error}
        onRetry={() => void web.refetch()}
        empty={{
          title: "No Web projects yet",
          hint: "Ask an administrator of the Experimentation instance or a project's owner to add you to a Web project.",
        }}
      />
    </Stack>
  );
};

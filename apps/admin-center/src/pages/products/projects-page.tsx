// Projects (route /projects, a project owner's landing when it owns several): every Experimentation project of
// the organization (seed 001), with "Manage users" open only on the projects the admin is entitled to.
import { useSignedInOrg } from "@gatehouse/client";
import { Crumbs, EmptyState } from "@gatehouse/ui";
import { Stack, Text, Title } from "@mantine/core";
import { useExperimentationProjects } from "./experimentation-projects.ts";
import { ProjectTable } from "./project-table.tsx";

export const ProjectsPage = () => {
  const org = useSignedInOrg();
  const projects = useExperimentationProjects(org);
  if (org === undefined)
    return <EmptyState title="Projects belong to an organization">Sign in as a user of one.</EmptyState>;
  return (
    <Stack>
      <Crumbs items={[{ label: "Projects" }]} />
      <div>
        <Title order={1} size="h2">
          Projects
        </Title>
        <Text size="sm" c="dimmed">
          The organization's Experimentation projects. You manage the users of the projects you are entitled
          to.
        </Text>
      </div>
      <ProjectTable
        org={org}
        projects={projects.data}
        error={projects.error}
        onRetry={() => void projects.refetch()}
        showInstance
      />
    </Stack>
  );
};

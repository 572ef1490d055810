// A project's users (route /projects/:project; a project owner's landing when it owns one project): the User
// Manager of the Experimentation project, with Invite user, under Products › Experimentation › instance › project.
import { useSignedInOrg } from "@gatehouse/client";
import { EmptyState, QueryState } from "@gatehouse/ui";
import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { useParams } from "react-router";
import { UserManager } from "../users/user-manager.tsx";
import { useExperimentationProjects } from "./experimentation-projects.ts";
import { InviteUserButton } from "./invite-user-button.tsx";
import { EXPERIMENTATION } from "./org-queries.ts";
import { ScopeCrumbs } from "./scope-crumbs.tsx";

export const ProjectPage = () => {
  const { project: projectId = "" } = useParams();
  const org = useSignedInOrg() ?? "";
  const projects = useExperimentationProjects(org);
  if (projects.error !== null || projects.data === undefined) return <QueryState query={projects} />;
  const project = projects.data.find((p) => p.id === projectId);
  if (project === undefined)
    return (
      <EmptyState title={`No project "${projectId}"`}>
        It is not an Experimentation project of your organization, or it was removed.
      </EmptyState>
    );
  const scope = { product: EXPERIMENTATION, instance: project.instance, project: project.id };
  return (
    <Stack>
      <ScopeCrumbs org={org} scope={scope} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="xs">
            <Title order={1} size="h2">
              {project.name}
            </Title>
            <Badge variant="light" color={project.platform === "feature" ? "grape" : "cyan"}>
              {project.platform === "feature" ? "Feature" : "Web"}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            User Manager: everyone whose roles reach this project of {project.instanceName}, here,
            instance-wide or through a group.
          </Text>
        </div>
        <InviteUserButton org={org} scope={scope} />
      </Group>
      <UserManager org={org} scope={scope} placeName={project.name} />
    </Stack>
  );
};

// Settings › Collaborators (route /projects/:project/collaborators): the project's collaborators with their
// roles, and Invite a collaborator; administrators and project owners manage them, others see why not.
import { useSignedInOrg } from "@gatehouse/client";
import { Crumbs, Guarded, QueryState } from "@gatehouse/ui";
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useParams } from "react-router";
import { useFeatureProjects } from "../projects/feature-projects.ts";
import { CollaboratorList } from "./collaborator-list.tsx";
import { InviteModal } from "./invite-modal.tsx";
import { NotManaged } from "./not-managed.tsx";

const INVITE = "admin-center:user.invite";

export const CollaboratorsPage = () => {
  const { project: projectId } = useParams();
  const projects = useFeatureProjects(useSignedInOrg());
  const [inviting, setInviting] = useState(false);
  const project = projects.data?.find((p) => p.id === projectId);
  const crumbs = [
    { label: "Projects", to: "/projects" },
    { label: project?.name ?? projectId ?? "" },
    { label: "Settings › Collaborators" },
  ];

  if (projects.isLoading || projects.error !== null)
    return <QueryState query={projects} loading="Loading the project…" />;
  if (project === undefined || !project.manages) return <NotManaged projectId={projectId ?? ""} />;

  return (
    <Stack>
      <Crumbs items={crumbs} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Collaborators
          </Title>
          <Text c="dimmed" size="sm">
            {project.name} ({project.instanceName}): who works on the project, with which permission level.
          </Text>
        </div>
        <Guarded action={INVITE} resource={project.scope}>
          {(disabled) => (
            <Button disabled={disabled} onClick={() => setInviting(true)}>
              Invite a collaborator
            </Button>
          )}
        </Guarded>
      </Group>
      <CollaboratorList project={project} />
      <InviteModal
        opened={inviting}
        onClose={() => setInviting(false)}
        project={project}
        projects={(projects.data ?? []).filter((p) => p.manages)}
      />
    </Stack>
  );
};

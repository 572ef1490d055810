// A Web project's Settings › Collaborators (route /web/:project/collaborators, seed 004): its collaborators with
// their roles, Invite collaborators to several projects at once, and the roles' access table; managers only.
import { useSignedInOrg } from "@gatehouse/client";
import { Crumbs, Guarded, QueryState } from "@gatehouse/ui";
import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { NotManaged } from "../collaborators/not-managed.tsx";
import { useWebProjects } from "../projects/feature-projects.ts";
import { WebCollaboratorList } from "./web-collaborator-list.tsx";
import { WebInviteModal } from "./web-invite-modal.tsx";

const INVITE = "admin-center:user.invite";

export const WebCollaboratorsPage = () => {
  const { project: projectId } = useParams();
  const projects = useWebProjects(useSignedInOrg());
  const [inviting, setInviting] = useState(false);
  const project = projects.data?.find((p) => p.id === projectId);

  if (projects.isLoading || projects.error !== null)
    return <QueryState query={projects} loading="Loading the project…" />;
  if (project === undefined || !project.manages) return <NotManaged projectId={projectId ?? ""} />;

  return (
    <Stack>
      <Crumbs
        items={[
          { label: "Projects", to: "/projects" },
          { label: project.name },
          { label: "Settings › Collaborators" },
        ]}
      />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Collaborators
          </Title>
          <Text c="dimmed" size="sm">
            {project.name} ({project.instanceName}, Web Experimentation): who works on the project, with which
            role.{" "}
            <Anchor component={Link} to="/web/roles" size="sm">
              What each role may do
            </Anchor>
          </Text>
        </div>
        <Guarded action={INVITE} resource={project.scope}>
          {(disabled) => (
            <Button disabled={disabled} onClick={() => setInviting(true)}>
              Invite collaborators
            </Button>
          )}
        </Guarded>
      </Group>
      <WebCollaboratorList project={project} />
      <WebInviteModal
        opened={inviting}
        onClose={() => setInviting(false)}
        project={project}
        projects={(projects.data ?? []).filter((p) => p.manages)}
      />
    </Stack>
  );
};

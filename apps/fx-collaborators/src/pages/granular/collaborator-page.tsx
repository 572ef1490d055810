// One collaborator of a Feature project (route /projects/:project/collaborators/:user): its granular
// environment and flag roles, the extra permission, the effective permissions preview and its audience roles.
import { useTRPC } from "@gatehouse/client";
import { Crumbs } from "@gatehouse/ui";
import { Stack, Text, Title } from "@mantine/core";
import { skipToken, useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { AudienceRolesPreview } from "../audiences/audience-roles-preview.tsx";
import { useProjectPlace } from "../flags/project-place.ts";
import { EffectivePreview } from "./effective-preview.tsx";
import { GranularRolesPanel } from "./granular-roles-panel.tsx";

export const CollaboratorPage = () => {
  const params = useParams();
  const project = params.project ?? "";
  const user = params.user ?? "";
  const trpc = useTRPC();
  const place = useProjectPlace(project);
  const scope = place.data?.scope;
  const details = useQuery(
    trpc.users.get.queryOptions(scope === undefined ? skipToken : { id: user, context: scope }),
  );
  const name = details.data?.user.name ?? "Collaborator";
  return (
    <Stack>
      <Crumbs
        items={[
          { label: "Projects", to: "/projects" },
          { label: place.data?.name ?? "Project", to: `/projects/${project}/collaborators` },
          { label: "Collaborators", to: `/projects/${project}/collaborators` },
          { label: name },
        ]}
      />
      <Title order={1} size="h2">
        {name}
      </Title>
      {details.data === undefined ? null : (
        <Text size="sm" c="dimmed">
          {details.data.user.email} · {details.data.user.status}
        </Text>
      )}
      <GranularRolesPanel project={project} user={user} />
      <EffectivePreview project={project} user={user} />
      <AudienceRolesPreview project={project} user={user} />
    </Stack>
  );
};

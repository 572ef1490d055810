// An instance (route /products/:product/instances/:instance): its User Manager (everyone whose roles reach it),
// or for Experimentation its projects, each leading to its own users. Invite user starts from here. An instance
// that is not the organization's (made up, or removed) says so rather than showing an empty place.
import { useSignedInOrg } from "@gatehouse/client";
import { QueryState } from "@gatehouse/ui";
import { Group, Stack, Text, Title } from "@mantine/core";
import { useParams } from "react-router";
import { UserManager } from "../users/user-manager.tsx";
import { InviteUserButton } from "./invite-user-button.tsx";
import { EXPERIMENTATION, useInstances, useProductLabel, useProjects } from "./org-queries.ts";
import { ProjectTable } from "./project-table.tsx";
import { ScopeCrumbs } from "./scope-crumbs.tsx";

const ExperimentationProjects = ({
  org,
  instance,
  instanceName,
}: {
  org: string;
  instance: string;
  instanceName: string;
}) => {
  const projects = useProjects(org, instance);
  return (
    <ProjectTable
      org={org}
      projects={projects.data?.map((p) => ({ ...p, instanceName }))}
      error={projects.error}
      onRetry={() => void projects.refetch()}
      showInstance={false}
    />
  );
};

export const InstancePage = () => {
  const { product = "", instance = "" } = useParams();
  const org = useSignedInOrg() ?? "";
  const instances = useInstances(org, product);
  const productLabel = useProductLabel();
  const found = instances.data?.find((i) => i.id === instance);
  const scope = { product, instance };
  const isExperimentation = product === EXPERIMENTATION;
  if (found === undefined)
    return (
      <Stack>
        <ScopeCrumbs org={org} scope={{ product }} />
        {instances.error !== null || instances.data === undefined ? (
          <QueryState query={instances} />
        ) : (
          <>
            <Title order={1} size="h2">
              No instance "{instance}" here
            </Title>
            <Text size="sm" c="dimmed">
              It is not a {productLabel(product)} instance of your organization, or it was removed.
            </Text>
          </>
        )}
      </Stack>
    );
  const name = found.name;

  return (
    <Stack>
      <ScopeCrumbs org={org} scope={scope} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            {name}
          </Title>
          <Text size="sm" c="dimmed">
            {isExperimentation
              ? `The projects of this ${productLabel(product)} instance. Open a project to manage its users.`
              : `User Manager: everyone whose roles reach this ${productLabel(product)} instance, here, product-wide or through a group.`}
          </Text>
        </div>
        <InviteUserButton org={org} scope={scope} />
      </Group>
      {isExperimentation ? (
        <ExperimentationProjects org={org} instance={instance} instanceName={name} />
      ) : (
        <UserManager org={org} scope={scope} placeName={name} />
      )}
    </Stack>
  );
};

// What Settings › Collaborators shows someone who does not manage the project's collaborators (a publisher,
// editor or viewer): Invite disabled and the list withheld, each with "Why?" from the engine.
import { Crumbs, EmptyState, Guarded, QueryState, WhyLink } from "@gatehouse/ui";
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useProjectPlace } from "../flags/project-place.ts";

const USER_VIEW = "admin-center:user.view";
const INVITE = "admin-center:user.invite";

export const NotManaged = ({ projectId }: { readonly projectId: string }) => (
  <QueryState query={useProjectPlace(projectId)} loading="Loading the project…">
    {({ name, scope }) => (
      <Stack>
        <Crumbs
          items={[
            { label: "Projects", to: "/projects" },
            { label: name },
            { label: "Settings › Collaborators" },
          ]}
        />
        <Group justify="space-between" align="flex-end">
          <Title order={1} size="h2">
            Collaborators
          </Title>
          <Guarded action={INVITE} resource={scope}>
            {(disabled) => <Button disabled={disabled}>Invite a collaborator</Button>}
          </Guarded>
        </Group>
        <EmptyState title="You don't manage this project's collaborators">
          Only the instance's administrators and the project's owners see, invite, change and remove
          collaborators. Ask one of them for access.
        </EmptyState>
        <Group gap="xs" justify="center">
          <Text size="sm">Why can't I see the collaborators?</Text>
          <WhyLink action={USER_VIEW} resource={scope} />
        </Group>
      </Stack>
    )}
  </QueryState>
);

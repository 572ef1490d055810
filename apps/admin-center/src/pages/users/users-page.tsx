// Users (route /users): every user of the organization in the User Manager (server-side paging and search), for
// admins who may view the organization's users; others are pointed to the products and projects they manage.
import { useCan, useSignedInOrg } from "@gatehouse/client";
import { Crumbs, EmptyState, Guarded, LoadingState, WhyLink } from "@gatehouse/ui";
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useNavigate } from "react-router";
import { useOrganization } from "../products/org-queries.ts";
import { UserManager } from "./user-manager.tsx";

const USER_VIEW = "admin-center:user.view";

export const UsersPage = () => {
  const org = useSignedInOrg();
  const navigate = useNavigate();
  const organization = useOrganization();
  const resource = { org: org ?? "" };
  const mayView = useCan(USER_VIEW, resource).allowed;
  if (org === undefined)
    return <EmptyState title="Users belong to an organization">Sign in as a user of one.</EmptyState>;
  const name = organization.data?.name ?? org;
  return (
    <Stack>
      <Crumbs items={[{ label: "Users" }]} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Users
          </Title>
          <Text size="sm" c="dimmed">
            Everyone with an account in {name}. Open a user to see and change their roles.
          </Text>
        </div>
        <Guarded action="admin-center:user.invite" resource={resource}>
          {(disabled) => (
            <Button disabled={disabled} onClick={() => navigate("/invite")}>
              Invite user
            </Button>
          )}
        </Guarded>
      </Group>
      {mayView === undefined ? <LoadingState /> : null}
      {mayView === false ? (
        <EmptyState title="You manage users product by product">
          <Group gap="xs" component="span">
            Open the users of an instance from Products, or of a project from Projects.
            <WhyLink action={USER_VIEW} resource={resource} />
          </Group>
        </EmptyState>
      ) : null}
      {mayView === true ? <UserManager org={org} scope={{}} placeName={name} /> : null}
    </Stack>
  );
};

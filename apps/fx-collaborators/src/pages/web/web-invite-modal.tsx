// Invite collaborators to Web projects (seed 004): emails, a role and a language, to several projects at once; the
// roles are the server's (those refused are shown disabled with the engine's reason); Administrator is given at the
// projects' instance, every other role at each project, in one users.invite call.
import { Button, Group, List, Modal, Stack, Text } from "@mantine/core";
import { EmailRows, LanguageAndProjects, RoleField } from "../collaborators/invite-fields.tsx";
import { useInviteFlow } from "../collaborators/invite-flow.ts";
import { SentInvitations } from "../collaborators/sent-invitations.tsx";
import type { WebProject } from "../projects/feature-projects.ts";
import { type OfferedRole, roleOptions, useProjectRoles } from "./web-project-roles.ts";

export interface WebInviteModalProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  /** The project the page shows: preselected. */
  readonly project: WebProject;
  /** Every Web project the user may invite to. */
  readonly projects: ReadonlyArray<WebProject>;
}

/** The grants of one invite: the role at the chosen projects' instances when it sits there, else at each project. */
const grantsFor = (role: OfferedRole, chosen: ReadonlyArray<WebProject>) => {
  if (role.sitsAt === "project") return chosen.map((p) => ({ role: role.id, scope: p.scope }));
  const instances = new Map(chosen.map((p) => [p.instanceId, { ...p.scope, project: undefined }]));
  return [...instances.values()].map(({ project: _project, ...scope }) => ({ role: role.id, scope }));
};

export const WebInviteModal = ({ opened, onClose, project, projects }: WebInviteModalProps) => {
  const { form, sent, close, submit, pending } = useInviteFlow({
    org: project.scope.org,
    project: project.id,
    onClose,
    grants: (values) => {
      const role = roles.find((r) => r.id === values.role);
      return role === undefined
        ? []
        : grantsFor(
            role,
            projects.filter((p) => values.projects.includes(p.id)),
          );
    },
    roleName: (role) => roles.find((r) => r.id === role)?.name ?? role,
  });
  const chosen = projects.filter((p) => form.watch("projects").includes(p.id));
  const served = useProjectRoles(chosen, opened);
  const roles = served.data?.roles ?? [];
  const refused = roles.filter((r) => r.decision === "deny");

  return (
    <Modal opened={opened} onClose={close} title="Invite collaborators" size="lg">
      {sent === undefined ? null : <SentInvitations invited={sent} onDone={close} />}
      <form hidden={sent !== undefined} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <EmailRows form={form} />
          <RoleField form={form} label="Role" data={roleOptions(roles)} />
          {refused.length === 0 ? null : (
            <Stack gap={2} aria-label="Roles you may not give">
              <Text size="xs" c="dimmed">
                Roles you may not give here:
              </Text>
              <List size="xs" c="dimmed">
                {refused.map((r) => (
                  <List.Item key={r.id}>
                    {r.name}: {r.reason}
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          <LanguageAndProjects form={form} projects={projects} projectsLabel="Invite to projects" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close without inviting
            </Button>
            <Button type="submit" loading={pending}>
              Invite
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

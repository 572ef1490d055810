// Invite a collaborator (seed 003): emails (+ adds a row), a permission level, a language and projects, several at
// once; one users.invite call (a refused email invites nobody), then what became of each email (an existing account
// gets the level at once, and is told so).
import { Button, Group, Modal, Stack } from "@mantine/core";
import type { FeatureProject } from "../projects/feature-projects.ts";
import { EmailRows, LanguageAndProjects, RoleField } from "./invite-fields.tsx";
import { useInviteFlow } from "./invite-flow.ts";
import type { InviteCollaboratorsValues } from "./invite-form.ts";
import { useFeatureProjectRoles } from "./project-roles.ts";
import { SentInvitations } from "./sent-invitations.tsx";

export interface InviteModalProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  /** The project the page shows: preselected. */
  readonly project: FeatureProject;
  /** Every Feature project the user may invite to. */
  readonly projects: ReadonlyArray<FeatureProject>;
}

export const InviteModal = ({ opened, onClose, project, projects }: InviteModalProps) => {
  const chosenIds = (values: InviteCollaboratorsValues) =>
    projects.filter((p) => values.projects.includes(p.id));
  const { form, sent, close, submit, pending } = useInviteFlow({
    org: project.scope.org,
    project: project.id,
    onClose,
    grants: (values) => chosenIds(values).map((p) => ({ role: values.role, scope: p.scope })),
    roleName: (role) => roles.find((r) => r.id === role)?.name ?? role,
  });
  const chosen = projects.filter((p) => form.watch("projects").includes(p.id));
  const { roles, options: roleOptions } = useFeatureProjectRoles(chosen, opened);

  return (
    <Modal opened={opened} onClose={close} title="Invite a collaborator" size="lg">
      {sent === undefined ? null : <SentInvitations invited={sent} onDone={close} />}
      <form hidden={sent !== undefined} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <EmailRows form={form} />
          <RoleField form={form} label="Permission level" data={roleOptions} />
          <LanguageAndProjects form={form} projects={projects} projectsLabel="Projects" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close without inviting
            </Button>
            <Button type="submit" loading={pending}>
              Send invitations
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

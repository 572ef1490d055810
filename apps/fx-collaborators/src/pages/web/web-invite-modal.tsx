// Invite collaborators to Web projects (seed 004): emails, a role and a language, to several projects at once; the
// roles are the server's (those refused are shown disabled with the engine's reason); Administrator is given at the
// projects' instance, every other role at each project, in one users.invite call.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { toast, useSchemaForm } from "@gatehouse/ui";
import { Button, Group, List, Modal, Select, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { EmailRows, LanguageAndProjects } from "../collaborators/invite-fields.tsx";
import {
  InviteCollaboratorsForm,
  type InviteCollaboratorsValues,
  repeatedEmails,
} from "../collaborators/invite-form.ts";
import { inviteSummary } from "../collaborators/invite-summary.ts";
import { type Invited, SentInvitations } from "../collaborators/sent-invitations.tsx";
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
  const client = useGatehouse();
  const refresh = useRefresh();
  const form = useSchemaForm(InviteCollaboratorsForm, {
    emails: [{ email: "" }],
    role: "experimentation:editor",
    language: "en",
    projects: [project.id],
  });
  const [sent, setSent] = useState<Invited | undefined>();
  const close = () => {
    setSent(undefined);
    onClose();
  };
  const chosen = projects.filter((p) => form.watch("projects").includes(p.id));
  const served = useProjectRoles(chosen, opened);
  const roles = served.data?.roles ?? [];
  const refused = roles.filter((r) => r.decision === "deny");

  const invite = useMutation({
    mutationFn: (values: InviteCollaboratorsValues) => {
      const role = roles.find((r) => r.id === values.role);
      if (role === undefined) throw new Error("Pick a role the projects offer");
      return client.users.invite.mutate({
        org: project.scope.org,
        emails: values.emails.map((row) => row.email.trim()),
        language: values.language,
        grants: grantsFor(
          role,
          projects.filter((p) => values.projects.includes(p.id)),
        ),
      });
    },
    onSuccess: (result, values) => {
      toast.success(inviteSummary(result, roles.find((r) => r.id === values.role)?.name ?? values.role));
      if (result.invited.length > 0) setSent(result.invited);
      else close();
      form.reset();
      void refresh.after("user.added", "grant.added");
    },
    onError: (error) => toast.failure(error),
  });

  const submit = form.handleSubmit((values) => {
    const repeated = repeatedEmails(values.emails);
    if (repeated.length > 0) {
      form.setError("emails", { message: `Each email once: ${repeated.join(", ")}` });
      return;
    }
    invite.mutate(values);
  });

  return (
    <Modal opened={opened} onClose={close} title="Invite collaborators" size="lg">
      {sent === undefined ? null : <SentInvitations invited={sent} onDone={close} />}
      <form hidden={sent !== undefined} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <EmailRows form={form} />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label="Role"
                data={roleOptions(roles)}
                value={field.value}
                onChange={(value) => field.onChange(value ?? "")}
                allowDeselect={false}
              />
            )}
          />
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
            <Button type="submit" loading={invite.isPending}>
              Invite
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

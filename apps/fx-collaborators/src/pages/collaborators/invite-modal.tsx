// Invite a collaborator (seed 003): emails (+ adds a row), a permission level, a language and projects, several at
// once; one users.invite call (a refused email invites nobody), then what became of each email (an existing account
// gets the level at once, and is told so).
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { toast, useSchemaForm } from "@gatehouse/ui";
import { Button, Group, Modal, Select, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Controller } from "react-hook-form";
import type { FeatureProject } from "../projects/feature-projects.ts";
import { EmailRows, LanguageAndProjects } from "./invite-fields.tsx";
import { InviteCollaboratorsForm, type InviteCollaboratorsValues, repeatedEmails } from "./invite-form.ts";
import { inviteSummary } from "./invite-summary.ts";
import { useRoleOptions } from "./project-roles.ts";
import { type Invited, SentInvitations } from "./sent-invitations.tsx";

export interface InviteModalProps {
  readonly opened: boolean;
  readonly onClose: () => void;
  /** The project the page shows: preselected. */
  readonly project: FeatureProject;
  /** Every Feature project the user may invite to. */
  readonly projects: ReadonlyArray<FeatureProject>;
}

export const InviteModal = ({ opened, onClose, project, projects }: InviteModalProps) => {
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
  const roleOptions = useRoleOptions(chosen, opened);

  const invite = useMutation({
    mutationFn: (values: InviteCollaboratorsValues) =>
      client.users.invite.mutate({
        org: project.scope.org,
        emails: values.emails.map((row) => row.email.trim()),
        language: values.language,
        grants: projects
          .filter((p) => values.projects.includes(p.id))
          .map((p) => ({ role: values.role, scope: p.scope })),
      }),
    onSuccess: (result, values) => {
      const level = roleOptions.find((o) => o.value === values.role)?.label ?? values.role;
      toast.success(inviteSummary(result, level));
      // Existing accounts got the level at once: only new invitations have an email and a link to show.
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
    <Modal opened={opened} onClose={close} title="Invite a collaborator" size="lg">
      {sent === undefined ? null : <SentInvitations invited={sent} onDone={close} />}
      <form hidden={sent !== undefined} onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm">
          <EmailRows form={form} />
          <Controller
            control={form.control}
            name="role"
            render={({ field }) => (
              <Select
                label="Permission level"
                data={roleOptions}
                value={field.value}
                onChange={(value) => field.onChange(value ?? "")}
                allowDeselect={false}
              />
            )}
          />
          <LanguageAndProjects form={form} projects={projects} projectsLabel="Projects" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Close without inviting
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitations
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

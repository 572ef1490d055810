// What every Invite form of the collaborators app does with its values: one users.invite call for every email with
// the form's grants and language (each email once), a toast saying what became of each, then the links to share.
import { type RouterInputs, useGatehouse, useRefresh } from "@gatehouse/client";
import { toast, useSchemaForm } from "@gatehouse/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { InviteCollaboratorsForm, type InviteCollaboratorsValues, repeatedEmails } from "./invite-form.ts";
import { inviteSummary } from "./invite-summary.ts";
import type { Invited } from "./sent-invitations.tsx";

export interface InviteFlowOptions {
  readonly org: string;
  /** The project preselected. */
  readonly project: string;
  readonly onClose: () => void;
  /** The grants the form's values give (its role at its projects, or where that role sits). */
  readonly grants: (
    values: InviteCollaboratorsValues,
  ) => ReadonlyArray<RouterInputs["users"]["invite"]["grants"][number]>;
  /** The role's name, for the toast. */
  readonly roleName: (role: string) => string;
}

export const useInviteFlow = ({ org, project, onClose, grants, roleName }: InviteFlowOptions) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const form = useSchemaForm(InviteCollaboratorsForm, {
    emails: [{ email: "" }],
    role: "experimentation:editor",
    language: "en",
    projects: [project],
  });
  const [sent, setSent] = useState<Invited | undefined>();
  const close = () => {
    setSent(undefined);
    onClose();
  };
  const invite = useMutation({
    mutationFn: (values: InviteCollaboratorsValues) =>
      client.users.invite.mutate({
        org,
        emails: values.emails.map((row) => row.email.trim()),
        language: values.language,
        grants: [...grants(values)],
      }),
    onSuccess: (result, values) => {
      toast.success(inviteSummary(result, roleName(values.role)));
      // Existing accounts got the role at once: only new invitations have an email and a link to show.
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
  return { form, sent, close, submit, pending: invite.isPending };
};

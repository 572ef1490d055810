// Invite an organization's first super admin (organizations.inviteFirstAdmin): email and name, validated as the
// API validates them; the answer is shown as the procedure returns it: the invitee, the accept link, its expiry.
import { errorMessage, type RouterOutputs, useRefresh, useTRPC } from "@gatehouse/client";
import { Email, InviteName } from "@gatehouse/contracts";
import { useSchemaForm } from "@gatehouse/ui";
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Schema } from "effect";
import { AcceptLinks } from "../invite/accept-links.tsx";
import type { Organization } from "./organization-queries.ts";

const FirstAdminForm = Schema.Struct({ email: Email, name: InviteName });

type Invited = RouterOutputs["organizations"]["inviteFirstAdmin"];

const Result = ({ org, invited, onClose }: { org: Organization; invited: Invited; onClose: () => void }) => (
  <Stack>
    <Text size="sm">
      {invited.user.name} ({invited.user.email}) is invited as the first super admin of {org.name}. The link
      works until {new Date(invited.expiresAt).toLocaleString()}.
    </Text>
    <AcceptLinks
      title="First super admin invited"
      links={[{ email: invited.user.email, acceptUrl: invited.acceptUrl }]}
    />
    <Group justify="flex-end">
      <Button onClick={onClose}>Done</Button>
    </Group>
  </Stack>
);

export const FirstAdminModal = ({ org, onClose }: { org: Organization; onClose: () => void }) => {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const form = useSchemaForm(FirstAdminForm, { email: "", name: "" });
  const invite = useMutation(
    trpc.organizations.inviteFirstAdmin.mutationOptions({
      onSuccess: () => void refresh.routers("organizations", "invitations"),
    }),
  );
  const { errors } = form.formState;
  return (
    <Modal opened onClose={onClose} title={`First super admin of ${org.name}`} size="lg">
      {invite.data !== undefined ? (
        <Result org={org} invited={invite.data} onClose={onClose} />
      ) : (
        <form onSubmit={form.handleSubmit((values) => invite.mutate({ org: org.id, ...values }))} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              The invitee becomes the organization's super admin on accepting. Only an organization without a
              super admin can be given its first one.
            </Text>
            <TextInput
              label="Email"
              type="email"
              data-autofocus
              error={
                errors.email === undefined ? undefined : "Enter an email address such as ana@globex.example"
              }
              {...form.register("email")}
            />
            <TextInput
              label="Name"
              error={errors.name === undefined ? undefined : "Enter a name of at most 200 characters"}
              {...form.register("name")}
            />
            {invite.error === null ? null : (
              <Alert color="red" title="Not invited">
                {errorMessage(invite.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={invite.isPending}>
                Invite super admin
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
};

// Resend and revoke for one invitation, each guarded by the engine (`admin-center:user.invite` at the
// invitation's scope, as the API asks) and confirmed first; a resend hands the new accept link up.
import { type RouterOutputs, useGatehouse } from "@gatehouse/client";
import { confirm, Guarded, toast } from "@gatehouse/ui";
import { Button, Group } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SentLink } from "../invite/accept-links.tsx";
import { USER_INVITE } from "../invite/invitable-scopes.ts";

export type Invitation = RouterOutputs["invitations"]["list"][number];

/** Where the API judges an invitation: its first grant's scope, else the organization. */
const scopeOf = (invitation: Invitation) => invitation.grants[0]?.scope ?? { org: invitation.org };

export const InvitationActions = ({
  invitation,
  onResent,
}: {
  invitation: Invitation;
  onResent: (link: SentLink) => void;
}) => {
  const client = useGatehouse();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["invitations"] });
  const resend = useMutation({
    mutationFn: () => client.invitations.resend.mutate({ id: invitation.id }),
    onSuccess: ({ acceptUrl }) => {
      onResent({ email: invitation.email, acceptUrl });
      toast.success(`Resent the invitation to ${invitation.email}`);
      void refresh();
    },
    onError: toast.failure,
  });
  const revoke = useMutation({
    mutationFn: () => client.invitations.revoke.mutate({ id: invitation.id }),
    onSuccess: () => {
      toast.success(`Revoked the invitation to ${invitation.email}`);
      void refresh();
    },
    onError: toast.failure,
  });
  const resource = scopeOf(invitation);
  const canResend = invitation.status === "pending" || invitation.status === "expired";
  return (
    <Group gap="xs" wrap="nowrap">
      {canResend ? (
        <Guarded action={USER_INVITE} resource={resource}>
          {(disabled) => (
            <Button
              size="xs"
              variant="light"
              disabled={disabled}
              loading={resend.isPending}
              aria-label={`Resend invitation to ${invitation.email}`}
              onClick={() =>
                confirm({
                  title: "Resend invitation",
                  message: `Send ${invitation.email} a new link? The current link stops working.`,
                  confirmLabel: "Resend",
                  onConfirm: () => resend.mutate(),
                })
              }
            >
              Resend
            </Button>
          )}
        </Guarded>
      ) : null}
      {invitation.status === "pending" ? (
        <Guarded action={USER_INVITE} resource={resource}>
          {(disabled) => (
            <Button
              size="xs"
              variant="light"
              color="red"
              disabled={disabled}
              loading={revoke.isPending}
              aria-label={`Revoke invitation to ${invitation.email}`}
              onClick={() =>
                confirm({
                  title: "Revoke invitation",
                  message: `Revoke the invitation to ${invitation.email}? Its link stops working at once. The roles it gave stay until you remove them on the user's details.`,
                  confirmLabel: "Revoke",
                  destructive: true,
                  onConfirm: () => revoke.mutate(),
                })
              }
            >
              Revoke
            </Button>
          )}
        </Guarded>
      ) : null}
    </Group>
  );
};

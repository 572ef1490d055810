// Resend and revoke for one invitation, each guarded by the engine (`admin-center:user.invite` at the
// invitation's scope, as the API asks) and confirmed first; a resend hands the new accept link up.
import { type RouterOutputs, useGatehouse, useRefresh } from "@gatehouse/client";
import { ConfirmButton, toast } from "@gatehouse/ui";
import { Group } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
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
  const refresh = useRefresh();
  const resend = useMutation({
    mutationFn: () => client.invitations.resend.mutate({ id: invitation.id }),
    onSuccess: ({ acceptUrl }) => {
      onResent({ email: invitation.email, acceptUrl });
      toast.success(`Resent the invitation to ${invitation.email}`);
      void refresh.routers("invitations");
    },
    onError: toast.failure,
  });
  const revoke = useMutation({
    mutationFn: () => client.invitations.revoke.mutate({ id: invitation.id }),
    onSuccess: () => {
      toast.success(`Revoked the invitation to ${invitation.email}`);
      void refresh.routers("invitations");
    },
    onError: toast.failure,
  });
  const resource = scopeOf(invitation);
  const canResend = invitation.status === "pending" || invitation.status === "expired";
  return (
    <Group gap="xs" wrap="nowrap">
      {canResend ? (
        <ConfirmButton
          action={USER_INVITE}
          resource={resource}
          ariaLabel={`Resend invitation to ${invitation.email}`}
          pending={resend.isPending}
          confirm={{
            title: "Resend invitation",
            message: `Send ${invitation.email} a new link? The current link stops working.`,
            confirmLabel: "Resend",
            destructive: false,
          }}
          onConfirm={() => resend.mutate()}
        >
          Resend
        </ConfirmButton>
      ) : null}
      {invitation.status === "pending" ? (
        <ConfirmButton
          action={USER_INVITE}
          resource={resource}
          ariaLabel={`Revoke invitation to ${invitation.email}`}
          pending={revoke.isPending}
          confirm={{
            title: "Revoke invitation",
            message: `Revoke the invitation to ${invitation.email}? Its link stops working at once. The roles it gave stay until you remove them on the user's details.`,
            confirmLabel: "Revoke",
          }}
          onConfirm={() => revoke.mutate()}
        >
          Revoke
        </ConfirmButton>
      ) : null}
    </Group>
  );
};

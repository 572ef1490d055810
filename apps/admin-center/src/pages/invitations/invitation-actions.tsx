// Resend and revoke for one invitation, each guarded by the server's answer for its very call (engine.assign for
// every grant the invitation gives, as the API asks) and confirmed first; a resend hands the new accept link up.
import { type RouterOutputs, useGatehouse, useRefresh } from "@gatehouse/client";
import { ConfirmButton, toast } from "@gatehouse/ui";
import { Group } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { SentLink } from "../invite/accept-links.tsx";

export type Invitation = RouterOutputs["invitations"]["list"][number];

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
    onSuccess: ({ acceptUrl, delivery }) => {
      onResent({ email: invitation.email, acceptUrl, delivery });
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
  const canResend = invitation.status === "pending" || invitation.status === "expired";
  return (
    <Group gap="xs" wrap="nowrap">
      {canResend ? (
        <ConfirmButton
          procedure="invitations.resend"
          input={{ id: invitation.id }}
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
          procedure="invitations.revoke"
          input={{ id: invitation.id }}
          ariaLabel={`Revoke invitation to ${invitation.email}`}
          pending={revoke.isPending}
          confirm={{
            title: "Revoke invitation",
            message: `Revoke the invitation to ${invitation.email}? Its link stops working at once, and the roles it gave are removed.`,
            confirmLabel: "Revoke",
            cancelLabel: "Keep invitation",
          }}
          onConfirm={() => revoke.mutate()}
        >
          Revoke
        </ConfirmButton>
      ) : null}
    </Group>
  );
};

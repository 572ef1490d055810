// Revokes one API key after a confirmation saying the backends sending it are refused from then on; guarded by
// the server's own answer for `apiKeys.revoke` on that key.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { ConfirmButton, toast } from "@gatehouse/ui";
import { useMutation } from "@tanstack/react-query";

export const RevokeKeyButton = ({ apiKey }: { apiKey: { readonly id: string; readonly name: string } }) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const revoke = useMutation({
    mutationFn: () => client.apiKeys.revoke.mutate({ id: apiKey.id }),
    onSuccess: () => {
      toast.success(`Revoked the API key "${apiKey.name}"`);
      void refresh.routers("apiKeys");
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <ConfirmButton
      procedure="apiKeys.revoke"
      input={{ id: apiKey.id }}
      ariaLabel={`Revoke ${apiKey.name}`}
      pending={revoke.isPending}
      confirm={{
        title: "Revoke API key",
        message: `Revoke "${apiKey.name}"? Every backend sending it is refused from now on. This cannot be undone.`,
        confirmLabel: "Revoke key",
        cancelLabel: "Keep key",
      }}
      onConfirm={() => revoke.mutate()}
    >
      Revoke
    </ConfirmButton>
  );
};

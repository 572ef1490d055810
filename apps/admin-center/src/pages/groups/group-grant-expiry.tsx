// "Expiry" of one role a group gives: set, move or remove the moment it stops counting (grants.update with
// `expiresAt`), the Save button asking may about that very call like every control; the server judges the date.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { GuardedCall, toast } from "@gatehouse/ui";
import { Button, Group, Paper, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { ExpiryField } from "../users/expiry-field.tsx";

export interface GroupGrantExpiryProps {
  readonly grant: { readonly id: string; readonly version: number; readonly expiresAt: string | null };
  /** The role and place, as the list names them. */
  readonly what: string;
  readonly groupName: string;
  readonly onClose: () => void;
}

export const GroupGrantExpiry = ({ grant, what, groupName, onClose }: GroupGrantExpiryProps) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const [expiresAt, setExpiresAt] = useState(grant.expiresAt);
  const input = { id: grant.id, version: grant.version, expiresAt };
  const save = useMutation({
    mutationFn: () => client.grants.update.mutate(input),
    onSuccess: async () => {
      const until = expiresAt === null ? "with no expiry" : `until ${new Date(expiresAt).toLocaleString()}`;
      toast.success(`${groupName} gives ${what} ${until}`);
      await refresh.after("grant.removed", "grant.added");
      onClose();
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <Paper withBorder p="sm" aria-label={`Expiry of ${what}`}>
      <Stack gap="sm">
        <ExpiryField value={expiresAt} onChange={setExpiresAt} />
        <Group gap="xs">
          {expiresAt === grant.expiresAt ? (
            <Button size="xs" disabled>
              Save expiry
            </Button>
          ) : (
            <GuardedCall procedure="grants.update" input={input}>
              {(disabled) => (
                <Button size="xs" disabled={disabled} loading={save.isPending} onClick={() => save.mutate()}>
                  Save expiry
                </Button>
              )}
            </GuardedCall>
          )}
          <Button size="xs" variant="default" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
};

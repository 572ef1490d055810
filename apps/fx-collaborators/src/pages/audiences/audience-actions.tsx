// One audience's Edit (rename, in a small form) and Archive buttons, each guarded by the server's answer for the
// very call it makes (audiences.rename / audiences.archive: the engine's audience role decides), "Why?" when refused.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { ConfirmButton, GuardedCall, toast } from "@gatehouse/ui";
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { AudienceRow } from "./audiences-page.tsx";

export const AudienceActions = ({ audience }: { audience: AudienceRow }) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(audience.name);
  const done = (message: string) => {
    toast.success(message);
    setEditing(false);
    return refresh.routers("audiences");
  };
  const rename = useMutation({
    mutationFn: () => client.audiences.rename.mutate({ id: audience.id, version: audience.version, name }),
    onSuccess: (saved) => done(`Renamed to ${saved.name}`),
    onError: toast.failure,
  });
  const archive = useMutation({
    mutationFn: () => client.audiences.archive.mutate({ id: audience.id, version: audience.version }),
    onSuccess: () => done(`${audience.name} is archived`),
    onError: toast.failure,
  });
  return (
    <Group gap="xs" justify="flex-end" wrap="nowrap">
      <GuardedCall
        procedure="audiences.rename"
        input={{ id: audience.id, version: audience.version, name: audience.name }}
      >
        {(disabled) => (
          <Button
            size="xs"
            variant="default"
            disabled={disabled}
            aria-label={`Edit ${audience.name}`}
            onClick={() => {
              setName(audience.name);
              setEditing(true);
            }}
          >
            Edit
          </Button>
        )}
      </GuardedCall>
      <ConfirmButton
        procedure="audiences.archive"
        input={{ id: audience.id, version: audience.version }}
        ariaLabel={`Archive ${audience.name}`}
        pending={archive.isPending}
        confirm={{
          title: `Archive ${audience.name}?`,
          message: `${audience.name} stays on the flags using it, but can no longer be edited or added to a flag.`,
          confirmLabel: "Archive",
          cancelLabel: "Keep it",
        }}
        onConfirm={() => archive.mutate()}
      >
        Archive
      </ConfirmButton>
      <Modal opened={editing} onClose={() => setEditing(false)} title={`Edit ${audience.name}`}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            rename.mutate();
          }}
        >
          <Stack>
            <TextInput label="Name" value={name} required onChange={(e) => setName(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={rename.isPending}>
                Save
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
};

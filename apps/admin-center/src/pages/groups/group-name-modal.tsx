// The modal that names a custom group: creating one (groups.create) or renaming one (groups.rename at the
// version read), validated by the router's own schemas; the outcome is a toast.
import { useGatehouse } from "@gatehouse/client";
import { CreateGroupInput, RenameInput } from "@gatehouse/contracts";
import { toast, useSchemaForm } from "@gatehouse/ui";
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { groupsKey } from "./group-queries.ts";

export type GroupNameTarget =
  | { readonly kind: "create"; readonly org: string }
  | { readonly kind: "rename"; readonly id: string; readonly version: number; readonly name: string };

const CreateForm = ({ org, onClose }: { org: string; onClose: () => void }) => {
  const client = useGatehouse();
  const queryClient = useQueryClient();
  const form = useSchemaForm(CreateGroupInput, { org, name: "" });
  const create = useMutation({
    mutationFn: (input: typeof CreateGroupInput.Type) => client.groups.create.mutate(input),
    onSuccess: (group) => {
      toast.success(`Created the group "${group.name}"`);
      void queryClient.invalidateQueries({ queryKey: groupsKey });
      onClose();
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <form onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate>
      <Stack>
        <TextInput
          label="Group name"
          data-autofocus
          error={form.formState.errors.name === undefined ? undefined : "Enter a name of 1 to 100 characters"}
          {...form.register("name")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Create group
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

const RenameForm = ({
  target,
  onClose,
}: {
  target: Extract<GroupNameTarget, { kind: "rename" }>;
  onClose: () => void;
}) => {
  const client = useGatehouse();
  const queryClient = useQueryClient();
  const form = useSchemaForm(RenameInput, { id: target.id, version: target.version, name: target.name });
  const rename = useMutation({
    mutationFn: (input: typeof RenameInput.Type) => client.groups.rename.mutate(input),
    onSuccess: (group) => {
      toast.success(`Renamed the group to "${group.name}"`);
      void queryClient.invalidateQueries({ queryKey: groupsKey });
      onClose();
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <form onSubmit={form.handleSubmit((values) => rename.mutate(values))} noValidate>
      <Stack>
        <TextInput
          label="Group name"
          data-autofocus
          error={form.formState.errors.name === undefined ? undefined : "Enter a name of 1 to 100 characters"}
          {...form.register("name")}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending}>
            Rename group
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const GroupNameModal = ({
  target,
  onClose,
}: {
  target: GroupNameTarget | null;
  onClose: () => void;
}) => (
  <Modal
    opened={target !== null}
    onClose={onClose}
    title={target?.kind === "rename" ? `Rename "${target.name}"` : "Create a group"}
  >
    {target === null ? null : target.kind === "create" ? (
      <CreateForm org={target.org} onClose={onClose} />
    ) : (
      <RenameForm target={target} onClose={onClose} />
    )}
  </Modal>
);

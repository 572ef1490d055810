// The modal that names a custom group: creating one (groups.create) or renaming one (groups.rename at the
// version read), validated by the router's own schemas; the outcome is a toast.
import { useRefresh, useTRPC } from "@gatehouse/client";
import { CreateGroupInput, RenameInput } from "@gatehouse/contracts";
import { toast, useSchemaForm } from "@gatehouse/ui";
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { UseFormRegisterReturn } from "react-hook-form";

export type GroupNameTarget =
  | { readonly kind: "create"; readonly org: string }
  | { readonly kind: "rename"; readonly id: string; readonly version: number; readonly name: string };

/** The name field and the form's buttons, the same for creating and renaming. */
const NameFields = (props: {
  field: UseFormRegisterReturn<"name">;
  invalid: boolean;
  submit: string;
  pending: boolean;
  onClose: () => void;
}) => (
  <Stack>
    <TextInput
      label="Group name"
      data-autofocus
      error={props.invalid ? "Enter a name of 1 to 100 characters" : undefined}
      {...props.field}
    />
    <Group justify="flex-end">
      <Button variant="default" onClick={props.onClose}>
        Close without saving
      </Button>
      <Button type="submit" loading={props.pending}>
        {props.submit}
      </Button>
    </Group>
  </Stack>
);

const CreateForm = ({ org, onClose }: { org: string; onClose: () => void }) => {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const form = useSchemaForm(CreateGroupInput, { org, name: "" });
  const create = useMutation(
    trpc.groups.create.mutationOptions({
      onSuccess: (group) => {
        toast.success(`Created the group "${group.name}"`);
        void refresh.after("group.added");
        onClose();
      },
      onError: (error) => toast.failure(error),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate>
      <NameFields
        field={form.register("name")}
        invalid={form.formState.errors.name !== undefined}
        submit="Create group"
        pending={create.isPending}
        onClose={onClose}
      />
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
  const trpc = useTRPC();
  const refresh = useRefresh();
  const form = useSchemaForm(RenameInput, { id: target.id, version: target.version, name: target.name });
  const rename = useMutation(
    trpc.groups.rename.mutationOptions({
      onSuccess: (group) => {
        toast.success(`Renamed the group to "${group.name}"`);
        void refresh.routers("groups");
        onClose();
      },
      onError: (error) => toast.failure(error),
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((values) => rename.mutate(values))} noValidate>
      <NameFields
        field={form.register("name")}
        invalid={form.formState.errors.name !== undefined}
        submit="Rename group"
        pending={rename.isPending}
        onClose={onClose}
      />
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

// Edits a custom role (name, description, permissions) at the version read, Save guarded by the server's answer
// for roles.updateCustom; a CONFLICT (someone changed it meanwhile) says so and offers to reload.
import { errorCode, useRefresh, useTRPC } from "@gatehouse/client";
import { UpdateCustomRoleInput } from "@gatehouse/contracts";
import { GuardedCall, toast, useSchemaForm } from "@gatehouse/ui";
import { Alert, Button, Group, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { PermissionPicker, type PickableAction } from "./permission-picker.tsx";
import type { RoleDetails } from "./role-queries.ts";

export interface RoleEditorProps {
  readonly role: RoleDetails;
  readonly actions: ReadonlyArray<PickableAction>;
  readonly onDone: () => void;
  readonly onReload: () => void;
}

export const RoleEditor = ({ role, actions, onDone, onReload }: RoleEditorProps) => {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [conflict, setConflict] = useState(false);
  const form = useSchemaForm(UpdateCustomRoleInput, {
    id: role.id,
    version: role.version,
    name: role.name,
    description: role.description,
    permissions: [...role.permissions],
  });
  const { errors } = form.formState;
  const permissions = form.watch("permissions") ?? [];
  const save = useMutation(
    trpc.roles.updateCustom.mutationOptions({
      onSuccess: (saved) => {
        toast.success(`Saved the custom role "${saved.name}"`);
        void refresh.after("role.set");
        onDone();
      },
      onError: (error) => {
        if (errorCode(error) === "CONFLICT") setConflict(true);
        else toast.failure(error);
      },
    }),
  );
  return (
    <form onSubmit={form.handleSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        {conflict ? (
          <Alert color="yellow" title="This role was changed meanwhile" role="alert">
            <Stack gap="xs" align="flex-start">
              Someone changed this role after you opened it, so your edits were not saved. Reload to see the
              current version, then make your changes again.
              <Button size="xs" variant="light" color="yellow" onClick={onReload}>
                Reload
              </Button>
            </Stack>
          </Alert>
        ) : null}
        <TextInput label="Role name" error={errors.name?.message} {...form.register("name")} />
        <Textarea
          label="Description"
          autosize
          minRows={2}
          error={errors.description?.message}
          {...form.register("description")}
        />
        <PermissionPicker
          actions={actions}
          value={permissions}
          onChange={(next) => form.setValue("permissions", next, { shouldDirty: true })}
          error={errors.permissions?.message}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          {/* What the call's authorization reads: the role at its version and the permissions picked. */}
          <GuardedCall
            procedure="roles.updateCustom"
            input={{ id: role.id, version: role.version, permissions }}
          >
            {(disabled) => (
              <Button type="submit" disabled={disabled || conflict} loading={save.isPending}>
                Save changes
              </Button>
            )}
          </GuardedCall>
        </Group>
      </Stack>
    </form>
  );
};

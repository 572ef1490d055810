// Add environment (flags page): a button, enabled as the server's `may` allows environments.create on the project,
// opening a form (name, key, production); its submit asks `may` with the very input it sends.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { GuardedCall, toast, useSchemaForm } from "@gatehouse/ui";
import { Button, Checkbox, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { EnvironmentForm, type EnvironmentValues, keyFor, validEnvironment } from "./environment-form.ts";

export interface AddEnvironmentProps {
  readonly project: string;
  readonly projectName: string;
}

/**
 * The opener asks environments.create's own authorization with a sample name and key: it decides on the project
 * alone (experimentation:environment.create there), so the answer is the one any valid form would get.
 */
const sample = { name: "New environment", key: "new-environment" };

export const AddEnvironment = ({ project, projectName }: AddEnvironmentProps) => {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <GuardedCall procedure="environments.create" input={{ project, ...sample }}>
        {(disabled) => (
          <Button variant="light" disabled={disabled} onClick={() => setOpened(true)}>
            Add environment
          </Button>
        )}
      </GuardedCall>
      {opened ? (
        <AddEnvironmentModal project={project} projectName={projectName} onClose={() => setOpened(false)} />
      ) : null}
    </>
  );
};

interface ModalProps extends AddEnvironmentProps {
  readonly onClose: () => void;
}

const AddEnvironmentModal = ({ project, projectName, onClose }: ModalProps) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const form = useSchemaForm(EnvironmentForm, { name: "", key: "", production: false });
  const [keyEdited, setKeyEdited] = useState(false);
  const add = useMutation({
    mutationFn: (values: EnvironmentValues) => client.environments.create.mutate({ project, ...values }),
    onSuccess: (environment) => {
      toast.success(`${environment.name} added to ${projectName}`);
      onClose();
    },
    onError: toast.failure,
    onSettled: () => refresh.routers("projects", "flags", "environments"),
  });
  const valid = validEnvironment(form.watch());
  const asked = valid === undefined ? undefined : { project, ...valid };
  const save = (disabled: boolean) => (
    <Button type="submit" disabled={disabled} loading={add.isPending}>
      Add environment
    </Button>
  );
  const { errors } = form.formState;
  const name = form.register("name");
  return (
    <Modal opened onClose={onClose} title={`Add an environment to ${projectName}`}>
      <form onSubmit={(event) => void form.handleSubmit((values) => add.mutate(values))(event)} noValidate>
        <Stack gap="sm">
          <TextInput
            label="Name"
            placeholder="Staging"
            error={errors.name === undefined ? undefined : "Enter a name (up to 100 characters)"}
            {...name}
            onChange={(event) => {
              void name.onChange(event);
              if (!keyEdited) form.setValue("key", keyFor(event.currentTarget.value));
            }}
          />
          <TextInput
            label="Key"
            description="What SDKs name the environment by: lower-case letters, digits, - and _"
            error={
              errors.key === undefined ? undefined : "Start with a letter or digit; use a-z, 0-9, - and _"
            }
            {...form.register("key", { onChange: () => setKeyEdited(true) })}
          />
          <Checkbox label="Production environment" {...form.register("production")} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            {asked === undefined ? (
              save(false)
            ) : (
              <GuardedCall procedure="environments.create" input={asked}>
                {save}
              </GuardedCall>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};

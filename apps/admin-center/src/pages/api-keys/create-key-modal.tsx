// Creating an API key: its name (validated by the API's own field schema), then its secret, shown this once with a
// copy button and the warning that Gatehouse keeps only its hash; closing forgets it.
import { useRefresh, useTRPC } from "@gatehouse/client";
import { Name } from "@gatehouse/contracts";
import { toast, useSchemaForm } from "@gatehouse/ui";
import { Alert, Button, CopyButton, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Schema } from "effect";

const KeyName = Schema.Struct({ name: Name });

/** The new key's secret, once: copy it now or create another. */
const SecretOnce = ({ name, secret, onClose }: { name: string; secret: string; onClose: () => void }) => (
  <Stack>
    <Alert color="orange" title="Shown only this once">
      Copy the key now and keep it in your backend's secrets: Gatehouse keeps only its hash and will not show
      it again. If you lose it, revoke it and create another.
    </Alert>
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={`Key "${name}"`}
        value={secret}
        readOnly
        style={{ flex: 1 }}
        styles={{ input: { fontFamily: "monospace", textRendering: "geometricPrecision" } }}
      />
      <CopyButton value={secret}>
        {({ copied, copy }) => (
          <Button variant="light" color={copied ? "teal" : "indigo"} onClick={copy} aria-label="Copy the key">
            {copied ? "Copied" : "Copy"}
          </Button>
        )}
      </CopyButton>
    </Group>
    <Group justify="flex-end">
      <Button onClick={onClose}>I have copied it</Button>
    </Group>
  </Stack>
);

export const CreateKeyModal = ({ onClose }: { onClose: () => void }) => {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const form = useSchemaForm(KeyName, { name: "" });
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: () => void refresh.routers("apiKeys"),
      onError: (error) => toast.failure(error),
    }),
  );
  const created = create.data;
  return (
    <Modal
      opened
      onClose={onClose}
      title={created === undefined ? "Create API key" : "Your new API key"}
      size="lg"
      closeOnClickOutside={false}
    >
      {created === undefined ? (
        <form onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate>
          <Stack>
            <TextInput
              label="Key name"
              description="What uses it, such as the checkout backend"
              data-autofocus
              error={
                form.formState.errors.name === undefined ? undefined : "Enter a name of 1 to 100 characters"
              }
              {...form.register("name")}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Close without creating
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <SecretOnce name={created.name} secret={created.key} onClose={onClose} />
      )}
    </Modal>
  );
};

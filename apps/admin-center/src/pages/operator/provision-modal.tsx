// Provision an organization (organizations.create): id, name, kind and the products it enables, validated by the
// API's own schema as the operator types; what the server refuses (an id taken) is shown in the form.
import { errorMessage, useRefresh, useTRPC } from "@gatehouse/client";
import { OrganizationCreateInput } from "@gatehouse/contracts";
import { toast, useSchemaForm } from "@gatehouse/ui";
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Controller } from "react-hook-form";
import { kindLabel, useProductOptions } from "./organization-queries.ts";

const kinds = (["customer", "partner"] as const).map((kind) => ({ value: kind, label: kindLabel(kind) }));

const ProvisionForm = ({ onClose }: { onClose: () => void }) => {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const products = useProductOptions();
  const form = useSchemaForm(OrganizationCreateInput, {
    id: "",
    name: "",
    kind: "customer",
    products: [],
  });
  const create = useMutation(
    trpc.organizations.create.mutationOptions({
      onSuccess: (org) => {
        toast.success(`Provisioned ${org.name} (${org.id})`);
        void refresh.routers("organizations");
        onClose();
      },
    }),
  );
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((values) => create.mutate(values))} noValidate>
      <Stack>
        <TextInput
          label="Name"
          description="As people will see it, e.g. Globex Corporation"
          data-autofocus
          error={errors.name === undefined ? undefined : "Enter a name of 1 to 100 characters"}
          {...form.register("name")}
        />
        <TextInput
          label="Organization id"
          description="Permanent; lower-case letters, digits and dashes, e.g. globex"
          error={errors.id === undefined ? undefined : `Organization id: ${errors.id.message}`}
          {...form.register("id")}
        />
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="org-kind-label">
                Kind
              </Text>
              <SegmentedControl
                aria-labelledby="org-kind-label"
                data={kinds}
                value={field.value}
                onChange={field.onChange}
                w="fit-content"
              />
            </Stack>
          )}
        />
        <Controller
          control={form.control}
          name="products"
          render={({ field }) => (
            <Checkbox.Group
              label="Enabled products"
              value={[...(field.value ?? [])]}
              onChange={field.onChange}
            >
              <Stack gap={6} mt={6}>
                {(products.data ?? []).map((p) => (
                  <Checkbox key={p.value} value={p.value} label={p.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
        />
        {create.error === null ? null : (
          <Alert color="red" title="Not provisioned">
            {errorMessage(create.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Provision organization
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const ProvisionModal = ({ opened, onClose }: { opened: boolean; onClose: () => void }) => (
  <Modal opened={opened} onClose={onClose} title="Provision an organization">
    {opened ? <ProvisionForm onClose={onClose} /> : null}
  </Modal>
);

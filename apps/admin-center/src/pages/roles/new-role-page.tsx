// Create a custom role (routes /roles/new and /roles/new?duplicate=<roleId>): name, description, product and
// instance, duplicate an existing role or start empty, and its permissions; Save asks roles.createCustom's server.
import { useRefresh, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { CreateCustomRoleInput } from "@gatehouse/contracts";
import { Crumbs, EmptyState, GuardedCall, toast, useSchemaForm } from "@gatehouse/ui";
import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { PermissionPicker } from "./permission-picker.tsx";
import {
  useCatalog,
  useCustomRoleCheck,
  useEnabledProducts,
  useInstances,
  useRole,
  useRoles,
} from "./role-queries.ts";

type NewRole = typeof CreateCustomRoleInput.Encoded;

export const NewRolePage = () => {
  const org = useSignedInOrg();
  const navigate = useNavigate();
  const trpc = useTRPC();
  const refresh = useRefresh();
  const [params] = useSearchParams();
  const duplicateParam = params.get("duplicate") ?? undefined;
  const [duplicate, setDuplicate] = useState(duplicateParam === undefined ? "no" : "yes");
  const form = useSchemaForm(CreateCustomRoleInput, {
    roleName: "",
    description: "",
    product: "",
    instance: "",
    permissions: [],
  });
  const { errors } = form.formState;
  const product = form.watch("product");
  const instance = form.watch("instance");
  const duplicateFrom = form.watch("duplicateFrom");
  const permissions = form.watch("permissions") ?? [];
  const roleName = form.watch("roleName") ?? "";

  const catalog = useCatalog();
  const enabled = useEnabledProducts();
  const instances = useInstances(org, product === "" ? undefined : product);
  const productRoles = useRoles({ product }, product !== "");
  const origin = useRole(duplicateParam);
  // The name the role would be saved under, or why not: the server's custom-role rule, never a copy of it.
  const check = useCustomRoleCheck({
    ...(product === "" ? {} : { product }),
    ...(instance === "" ? {} : { instance }),
    ...(roleName.trim() === "" ? {} : { roleName: roleName.trim() }),
  });

  // Opened as "duplicate this role": its product, its instance (custom roles have one) and its permissions.
  const { setValue } = form;
  useEffect(() => {
    const role = origin.data;
    if (role === undefined) return;
    setValue("product", role.product);
    setValue("instance", role.instance ?? "");
    setValue("duplicateFrom", role.id);
    setValue("permissions", [...role.permissions]);
  }, [origin.data, setValue]);

  const create = useMutation(
    trpc.roles.createCustom.mutationOptions({
      onSuccess: (role) => {
        toast.success(`Created the custom role "${role.name}"`);
        void refresh.after("role.set");
        navigate(`/roles/${encodeURIComponent(role.id)}`);
      },
      onError: (error) => toast.failure(error),
    }),
  );

  if (org === undefined)
    return <EmptyState title="Custom roles belong to an organization">Sign in as a user of one.</EmptyState>;

  const productDef = catalog.data?.find((p) => p.id === product);
  const productOptions = (enabled.data ?? []).flatMap((id) => {
    const def = catalog.data?.find((p) => p.id === id);
    if (def === undefined) return [];
    return [
      {
        value: id,
        label: def.customRoles ? def.label : `${def.label} (no custom roles)`,
        disabled: !def.customRoles,
      },
    ];
  });
  const withoutCustomRoles = (catalog.data ?? []).flatMap((p) =>
    (enabled.data ?? []).includes(p.id) && p.noCustomRoles !== null ? [p.noCustomRoles] : [],
  );
  const instanceOptions = (instances.data ?? []).map((i) => ({ value: i.id, label: i.name }));
  const duplicateOptions = (product === "" ? [] : (productRoles.data ?? [])).map((r) => ({
    value: r.id,
    label: `${r.name} (${r.type})`,
  }));
  const fullName = check.data?.name ?? undefined;
  const problem = check.data?.problem?.field === "roleName" ? undefined : check.data?.problem?.message;

  const chooseProduct = (value: string | null) => {
    form.setValue("product", value ?? "", { shouldValidate: form.formState.isSubmitted });
    form.setValue("instance", "");
    form.setValue("permissions", []);
    form.unregister("duplicateFrom");
  };
  const chooseDuplicate = (id: string | null) => {
    const role = productRoles.data?.find((r) => r.id === id);
    if (role === undefined) return form.unregister("duplicateFrom");
    form.setValue("duplicateFrom", role.id);
    form.setValue("permissions", [...role.permissions], { shouldDirty: true });
  };
  const submit = (values: typeof CreateCustomRoleInput.Type) => {
    if ((values.permissions ?? []).length === 0)
      return form.setError("permissions", { message: "Pick at least one permission" });
    create.mutate(values);
  };
  // What createCustom's authorization reads, once the place is chosen (until then the form names what is missing).
  const asked =
    product === "" || instance === ""
      ? undefined
      : { product, instance, permissions, ...(duplicateFrom === undefined ? {} : { duplicateFrom }) };
  const save = (disabled: boolean) => (
    <Button type="submit" disabled={disabled} loading={create.isPending}>
      Save
    </Button>
  );
  const message = (field: keyof NewRole, text: string) => (errors[field] === undefined ? undefined : text);

  return (
    <Stack maw={1100}>
      <Crumbs items={[{ label: "Roles", to: "/roles" }, { label: "Add role" }]} />
      <Title order={1} size="h2">
        Add a custom role
      </Title>
      <form onSubmit={form.handleSubmit(submit)} noValidate>
        <Stack>
          <Paper withBorder p="md">
            <Stack>
              <TextInput
                label="Role name"
                withAsterisk
                description={
                  fullName === undefined
                    ? "The role is saved as <Product>-<Instance>-<Role name>"
                    : `Saved as "${fullName}"`
                }
                error={message("roleName", "Enter the role's name")}
                {...form.register("roleName")}
              />
              <Textarea
                label="Description"
                autosize
                minRows={2}
                error={errors.description?.message}
                {...form.register("description")}
              />
              <Group grow align="flex-start">
                <Select
                  label="Product"
                  withAsterisk
                  placeholder="Choose a product"
                  searchable
                  data={productOptions}
                  value={product === "" ? null : product}
                  onChange={chooseProduct}
                  error={message("product", "Choose a product")}
                />
                <Select
                  label="Instance"
                  withAsterisk
                  placeholder={product === "" ? "Choose a product first" : "Choose an instance"}
                  disabled={product === ""}
                  searchable
                  data={instanceOptions}
                  value={instance === "" ? null : instance}
                  onChange={(value) =>
                    form.setValue("instance", value ?? "", { shouldValidate: form.formState.isSubmitted })
                  }
                  error={message("instance", "Choose an instance")}
                  nothingFoundMessage="No instance of this product that you may see"
                />
              </Group>
              {problem === undefined ? null : (
                <Text size="sm" c="red">
                  {problem}
                </Text>
              )}
              {withoutCustomRoles.length === 0 ? null : (
                <Text size="xs" c="dimmed">
                  Not offered: {withoutCustomRoles.join("; ")}.
                </Text>
              )}
              <Text size="xs" c="dimmed">
                A custom role applies to its instance only: it can be granted there (or on the instance's
                projects), never on another instance.
              </Text>
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            <Stack>
              <Radio.Group
                label="Duplicate role"
                description="Start from an existing role of this product and change its permissions, or start empty."
                value={duplicate}
                onChange={(value) => {
                  setDuplicate(value);
                  if (value === "no") {
                    form.unregister("duplicateFrom");
                    form.setValue("permissions", []);
                  }
                }}
              >
                <Group mt="xs">
                  <Radio value="no" label="No, start from scratch" />
                  <Radio value="yes" label="Yes, duplicate a role" />
                </Group>
              </Radio.Group>
              {duplicate === "yes" ? (
                <Select
                  label="Role to duplicate"
                  placeholder={product === "" ? "Choose a product first" : "Choose a role"}
                  disabled={product === ""}
                  searchable
                  data={duplicateOptions}
                  value={duplicateFrom ?? null}
                  onChange={chooseDuplicate}
                />
              ) : null}
            </Stack>
          </Paper>
          <Paper withBorder p="md">
            {productDef === undefined ? (
              <Text size="sm" c="dimmed">
                Choose a product to pick the role's permissions among its actions.
              </Text>
            ) : (
              <PermissionPicker
                actions={productDef.actions}
                value={permissions}
                onChange={(next) => {
                  form.setValue("permissions", next, { shouldDirty: true });
                  form.clearErrors("permissions");
                }}
                error={errors.permissions?.message}
              />
            )}
          </Paper>
          {origin.error === null ? null : (
            <Alert color="red" title="Could not load the role to duplicate">
              {origin.error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate("/roles")}>
              Cancel
            </Button>
            {asked === undefined ? (
              save(false)
            ) : (
              <GuardedCall procedure="roles.createCustom" input={asked}>
                {save}
              </GuardedCall>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
};

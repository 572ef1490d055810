// Editing one access row: product, instance and projects among the scopes the admin may invite to (a wider
// choice is offered only where the engine allows inviting to it), then the role to give there.
import { Button, Group, MultiSelect, Paper, Select, Stack, Text } from "@mantine/core";
import { type AccessRow, ALL_INSTANCES, scopesOf } from "./access-row-model.ts";
import type { InvitableProduct } from "./invitable-scopes.ts";
import { RolePicker } from "./role-picker.tsx";

export interface AccessRowEditorProps {
  readonly org: string;
  readonly row: AccessRow;
  readonly index: number;
  readonly products: ReadonlyArray<InvitableProduct>;
  readonly onChange: (row: AccessRow) => void;
  /** Omitted when the row is the only one. */
  readonly onRemove?: () => void;
}

export const AccessRowEditor = ({ org, row, index, products, onChange, onRemove }: AccessRowEditorProps) => {
  const product = products.find((p) => p.id === row.product);
  const instance = product?.instances.find((i) => i.id === row.instance);
  const instanceOptions = [
    ...(product?.invitable === true
      ? [{ value: ALL_INSTANCES, label: `All ${product.label} instances` }]
      : []),
    ...(product?.instances ?? [])
      .filter((i) => i.invitable || i.projects.length > 0)
      .map((i) => ({ value: i.id, label: i.name })),
  ];
  const scopes = scopesOf(row, org);
  // The place is the admin's explicit choice: nothing is picked for them (not even "All … instances").
  const scopeChosen =
    product !== undefined &&
    (row.instance === ALL_INSTANCES
      ? product.invitable
      : instance !== undefined && (row.projects.length > 0 || instance.invitable));
  return (
    <Paper withBorder p="md" role="group" aria-label={`Access ${index + 1}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Access {index + 1}</Text>
          {onRemove === undefined ? null : (
            <Button variant="subtle" color="red" size="xs" onClick={onRemove}>
              Remove access {index + 1}
            </Button>
          )}
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Product"
            placeholder="Choose a product"
            data={products.map((p) => ({ value: p.id, label: p.label }))}
            value={row.product === "" ? null : row.product}
            onChange={(value) =>
              onChange({ ...row, product: value ?? "", instance: "", projects: [], role: "" })
            }
            allowDeselect={false}
          />
          <Select
            label="Instance"
            placeholder={product === undefined ? "Choose a product first" : "Choose an instance"}
            data={instanceOptions}
            value={product === undefined || row.instance === "" ? null : row.instance}
            disabled={product === undefined}
            onChange={(value) => onChange({ ...row, instance: value ?? "", projects: [], role: "" })}
            allowDeselect={false}
          />
          {instance === undefined || instance.projects.length === 0 ? null : (
            <MultiSelect
              label="Projects"
              placeholder={instance.invitable ? "The whole instance" : "Choose projects"}
              description={instance.invitable ? "None chosen: the whole instance" : undefined}
              data={instance.projects.map((p) => ({ value: p.id, label: `${p.name} (${p.platform})` }))}
              value={[...row.projects]}
              onChange={(projects) => onChange({ ...row, projects, role: "" })}
            />
          )}
        </Group>
        {scopeChosen ? (
          <RolePicker
            scopes={scopes}
            value={row.role}
            onChange={(role) => onChange({ ...row, role })}
            label={`Role for access ${index + 1}`}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {product === undefined
              ? "Choose a product, then where the access applies, to see the roles you may give."
              : product.invitable
                ? `Choose an instance, or All ${product.label} instances, to see the roles you may give.`
                : "Choose an instance to see the roles you may give."}
          </Text>
        )}
      </Stack>
    </Paper>
  );
};

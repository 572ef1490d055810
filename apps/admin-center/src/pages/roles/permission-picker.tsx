// Picks a role's permissions among one product's actions: grouped by entity, a select-all box per entity
// (indeterminate when part of it is chosen) and a filter, so a product with many actions stays manageable.
import { Checkbox, Group, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useMemo, useState } from "react";
import { entityOf } from "./role-queries.ts";

export interface PickableAction {
  readonly id: string;
  readonly label: string;
}

export interface PermissionPickerProps {
  readonly actions: ReadonlyArray<PickableAction>;
  readonly value: ReadonlyArray<string>;
  readonly onChange: (permissions: Array<string>) => void;
  readonly error?: string | undefined;
}

const byEntity = (actions: ReadonlyArray<PickableAction>) => {
  const groups = new Map<string, Array<PickableAction>>();
  for (const action of actions) {
    const entity = entityOf(action.id);
    groups.set(entity, [...(groups.get(entity) ?? []), action]);
  }
  return [...groups];
};

export const PermissionPicker = ({ actions, value, onChange, error }: PermissionPickerProps) => {
  const [filter, setFilter] = useState("");
  const chosen = new Set(value);
  const needle = filter.trim().toLowerCase();
  const groups = useMemo(
    () =>
      byEntity(
        actions.filter(
          (a) => needle === "" || a.label.toLowerCase().includes(needle) || a.id.includes(needle),
        ),
      ),
    [actions, needle],
  );
  const setMany = (ids: ReadonlyArray<string>, on: boolean) => {
    const next = new Set(chosen);
    for (const id of ids)
      if (on) next.add(id);
      else next.delete(id);
    onChange(actions.map((a) => a.id).filter((id) => next.has(id)));
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Permissions ({value.length} of {actions.length} chosen)
        </Text>
        <TextInput
          size="xs"
          w={260}
          aria-label="Filter permissions"
          placeholder="Filter permissions"
          value={filter}
          onChange={(event) => setFilter(event.currentTarget.value)}
        />
      </Group>
      {error === undefined ? null : (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          No permission matches "{filter}".
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {groups.map(([entity, entityActions]) => {
          const ids = entityActions.map((a) => a.id);
          const count = ids.filter((id) => chosen.has(id)).length;
          return (
            <Paper key={entity} withBorder p="sm" role="group" aria-label={`Permissions on ${entity}`}>
              <Checkbox
                fw={600}
                label={`All of ${entity} (${count}/${ids.length})`}
                checked={count === ids.length}
                indeterminate={count > 0 && count < ids.length}
                onChange={(event) => setMany(ids, event.currentTarget.checked)}
              />
              <Stack gap={6} mt="xs" pl="md">
                {entityActions.map((action) => (
                  <Checkbox
                    key={action.id}
                    size="sm"
                    label={action.label}
                    description={action.id}
                    checked={chosen.has(action.id)}
                    onChange={(event) => setMany([action.id], event.currentTarget.checked)}
                  />
                ))}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
};

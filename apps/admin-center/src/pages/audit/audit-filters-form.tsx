// The audit log's filters: who acted, which action, what it was about, and a time range. Applying them
// validates with the API's schema and starts again at the newest page.
import { Autocomplete, Button, Group, Paper, Select, SimpleGrid, TextInput } from "@mantine/core";
import { useEffect } from "react";
import { Controller, useForm } from "react-hook-form";
import { auditActions, targetKinds } from "./audit-vocabulary.ts";
import { type AuditQueryFilters, type FilterValues, filtersResolver, noFilters } from "./filters-resolver.ts";

export interface AuditFiltersFormProps {
  /** The filters in force (an entry's actor or target link may set them from outside the form). */
  readonly values: FilterValues;
  readonly onApply: (values: FilterValues, filters: AuditQueryFilters) => void;
  /** Why the Actor typed names nobody to search by (several people match it). */
  readonly actorError?: string | undefined;
}

export const AuditFiltersForm = ({ values, onApply, actorError }: AuditFiltersFormProps) => {
  const form = useForm<FilterValues, unknown, AuditQueryFilters>({
    resolver: filtersResolver,
    defaultValues: values,
  });
  useEffect(() => form.reset(values), [form, values]);
  const submit = form.handleSubmit((filters) => onApply(form.getValues(), filters));
  const errors = form.formState.errors;
  return (
    <Paper withBorder p="sm">
      <form onSubmit={submit} aria-label="Audit filters">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="Actor"
            placeholder="Name or email"
            error={errors.actor?.message ?? actorError}
            {...form.register("actor")}
          />
          <Controller
            control={form.control}
            name="action"
            render={({ field }) => (
              <Autocomplete
                label="Action"
                placeholder="e.g. Role given"
                data={auditActions}
                value={field.value}
                onChange={field.onChange}
                error={errors.action?.message}
              />
            )}
          />
          <Controller
            control={form.control}
            name="targetKind"
            render={({ field }) => (
              <Select
                label="Target kind"
                placeholder="Any"
                data={targetKinds}
                value={field.value === "" ? null : field.value}
                onChange={(value) => field.onChange(value ?? "")}
                clearable
              />
            )}
          />
          <TextInput
            label="Target id"
            placeholder="e.g. a grant or request id"
            error={errors.targetId?.message}
            {...form.register("targetId")}
          />
          <TextInput
            type="datetime-local"
            label="From"
            error={errors.from?.message}
            {...form.register("from")}
          />
          <TextInput type="datetime-local" label="To" error={errors.to?.message} {...form.register("to")} />
        </SimpleGrid>
        <Group justify="flex-end" mt="sm">
          <Button
            variant="default"
            onClick={() => {
              form.reset(noFilters);
              onApply(noFilters, {});
            }}
          >
            Clear filters
          </Button>
          <Button type="submit">Apply filters</Button>
        </Group>
      </form>
    </Paper>
  );
};

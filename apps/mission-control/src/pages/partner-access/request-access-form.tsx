// The form a partner user asks a customer for Mission Control access with (customer, partner role, every environment
// or one it reaches by name, direct or support-ticket path, note), validated by the API's own AccessRequestInput.
import { useTRPC } from "@gatehouse/client";
import { AccessRequestInput, PartnerRole } from "@gatehouse/contracts";
import { partnerRoleName, toast, useSchemaForm } from "@gatehouse/ui";
import {
  Button,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Schema } from "effect";
import { Controller } from "react-hook-form";

/**
 * The API's schema, where the optional instance and note may also be present but undefined (an emptied field):
 * the same checks, and `toInput` drops the empty keys the API's exact optional keys refuse.
 */
const RequestForm = Schema.Struct({
  ...AccessRequestInput.fields,
  instance: Schema.optional(AccessRequestInput.fields.instance.schema),
  note: Schema.optional(AccessRequestInput.fields.note.schema),
});
const toInput = ({ instance, note, ...rest }: typeof RequestForm.Type): typeof AccessRequestInput.Type => ({
  ...rest,
  ...(instance === undefined ? {} : { instance }),
  ...(note === undefined ? {} : { note }),
});

const roleOptions = PartnerRole.literals.map((role) => ({ value: role, label: partnerRoleName(role) }));
const blank = { customerOrg: "", role: "mission-control:partnerUser", path: "direct" } as const;

/** The environment select's value for a request at every environment (no instance). */
const EVERY = "";

/**
 * The customer's environments the partner already reaches, by name, to ask more of one: a customer it does not
 * reach yet tells it none (the server answers as for a made-up one), so the request is for every environment.
 */
const useReachedEnvironments = (customer: string) => {
  const trpc = useTRPC();
  const customers = useQuery(trpc.missionControl.customers.queryOptions());
  const reached = customers.data?.some((c) => c.org === customer) === true;
  const instances = useQuery({
    ...trpc.missionControl.instances.queryOptions({ customer }),
    enabled: reached,
  });
  return reached ? (instances.data ?? []).map((i) => ({ value: i.id, label: i.name })) : [];
};

/** An empty optional text is no value at all (the schema refuses an empty note). */
const optional = (value: string): string | undefined => (value.trim() === "" ? undefined : value);

export const RequestAccessForm = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useSchemaForm(RequestForm, blank);
  const send = useMutation(
    trpc.accessRequests.request.mutationOptions({
      onSuccess: (request) => {
        toast.success(
          request.path === "direct"
            ? `Asked ${request.customerOrg} for ${partnerRoleName(request.role)}; its admins decide`
            : `Opened a support ticket request to ${request.customerOrg} for ${partnerRoleName(request.role)}`,
        );
        form.reset(blank);
      },
      onError: (error) => toast.failure(error),
      onSettled: () => queryClient.invalidateQueries(trpc.accessRequests.mine.queryFilter()),
    }),
  );
  const errors = form.formState.errors;
  const environments = useReachedEnvironments(form.watch("customerOrg").trim());
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={form.handleSubmit((values) => send.mutate(toInput(values)))}
        aria-label="Request access"
      >
        <Stack>
          <Title order={4}>Request access to a customer</Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Customer organization"
              description="The customer's organization id, e.g. acme"
              withAsterisk
              {...form.register("customerOrg")}
              error={errors.customerOrg === undefined ? undefined : "Enter the customer's organization id"}
            />
            <Controller
              control={form.control}
              name="role"
              render={({ field }) => (
                <Select
                  label="Role"
                  description="What you may do on the customer's instances"
                  data={roleOptions}
                  value={field.value}
                  onChange={(value) => field.onChange(value ?? blank.role)}
                  allowDeselect={false}
                />
              )}
            />
            <Controller
              control={form.control}
              name="instance"
              render={({ field }) => (
                <Select
                  label="Environment"
                  description="One you already reach, or every environment"
                  data={[{ value: EVERY, label: "Every environment" }, ...environments]}
                  value={field.value ?? EVERY}
                  onChange={(value) => field.onChange(value === null || value === EVERY ? undefined : value)}
                  allowDeselect={false}
                />
              )}
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="path"
            render={({ field }) => (
              <Radio.Group
                label="Path"
                description="Direct: the customer's admin grants it. Support ticket: the customer approves, then the platform operator assigns the role."
                value={field.value}
                onChange={field.onChange}
              >
                <Group mt="xs">
                  <Radio value="direct" label="Direct" />
                  <Radio value="support-ticket" label="Support ticket" />
                </Group>
              </Radio.Group>
            )}
          />
          <Controller
            control={form.control}
            name="note"
            render={({ field }) => (
              <Textarea
                label="Note (optional)"
                description="Why you need access; the customer sees it"
                autosize
                minRows={2}
                value={field.value ?? ""}
                onChange={(event) => field.onChange(optional(event.currentTarget.value))}
                error={errors.note === undefined ? undefined : "At most 1000 characters"}
              />
            )}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={send.isPending}>
              Send request
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
};

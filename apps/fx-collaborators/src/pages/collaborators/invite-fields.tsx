// The fields every Invite form of the collaborators app shares (seeds 003 and 004): one row per email with + to add
// another, the role picker (each form its label and the roles the server offers), the invitation's language and the
// projects to invite to.
import { languageChoices, languageOf } from "@gatehouse/contracts";
import { ActionIcon, Button, type ComboboxData, Group, MultiSelect, Select, TextInput } from "@mantine/core";
import { Controller, type UseFormReturn, useFieldArray } from "react-hook-form";
import type { FeatureProject } from "../projects/feature-projects.ts";
import type { InviteCollaboratorsForm } from "./invite-form.ts";

type Form = UseFormReturn<
  typeof InviteCollaboratorsForm.Encoded,
  unknown,
  typeof InviteCollaboratorsForm.Type
>;

export const EmailRows = ({ form }: { readonly form: Form }) => {
  const emails = useFieldArray({ control: form.control, name: "emails" });
  return (
    <>
      {emails.fields.map((field, index) => (
        <Group key={field.id} align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={`Email ${index + 1}`}
            placeholder="name@example.com"
            flex={1}
            error={
              form.formState.errors.emails?.[index]?.email === undefined
                ? undefined
                : "Enter an email address"
            }
            {...form.register(`emails.${index}.email`)}
          />
          {emails.fields.length > 1 ? (
            <Button variant="subtle" color="gray" onClick={() => emails.remove(index)}>
              Remove
            </Button>
          ) : null}
        </Group>
      ))}
      <Group gap="xs">
        <ActionIcon
          variant="light"
          aria-label="Add another collaborator"
          onClick={() => emails.append({ email: "" })}
        >
          +
        </ActionIcon>
        {form.formState.errors.emails?.message === undefined ? null : (
          <span role="alert">{form.formState.errors.emails.message}</span>
        )}
      </Group>
    </>
  );
};

export const LanguageAndProjects = ({
  form,
  projects,
  projectsLabel,
}: {
  readonly form: Form;
  readonly projects: ReadonlyArray<FeatureProject>;
  readonly projectsLabel: string;
}) => (
  <>
    <Controller
      control={form.control}
      name="language"
      render={({ field }) => (
        <Select
          label="Language"
          data={[...languageChoices]}
          value={field.value}
          onChange={(value) => field.onChange(languageOf(value ?? "en"))}
          allowDeselect={false}
        />
      )}
    />
    <Controller
      control={form.control}
      name="projects"
      render={({ field, fieldState }) => (
        <MultiSelect
          label={projectsLabel}
          data={projects.map((p) => ({ value: p.id, label: `${p.name} (${p.instanceName})` }))}
          value={[...field.value]}
          onChange={field.onChange}
          error={fieldState.error === undefined ? undefined : "Pick at least one project"}
        />
      )}
    />
  </>
);

/** The invite's role picker: the roles the server offers for the chosen projects, under the form's own label. */
export const RoleField = ({
  form,
  label,
  data,
}: {
  readonly form: Form;
  readonly label: string;
  readonly data: ComboboxData;
}) => (
  <Controller
    control={form.control}
    name="role"
    render={({ field }) => (
      <Select
        label={label}
        data={data}
        value={field.value}
        onChange={(value) => field.onChange(value ?? "")}
        allowDeselect={false}
      />
    )}
  />
);

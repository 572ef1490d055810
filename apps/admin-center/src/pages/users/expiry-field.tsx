// A grant's expiry as an administrator sets it: "No expiry", or a date and time in their own time zone. The value
// is the ISO instant grants.create/update take (or null); whether it is acceptable is the server's to say (may).
import { localDateTimeValue } from "@gatehouse/ui";
import { Checkbox, Stack, TextInput } from "@mantine/core";

/** The ISO instant of a `datetime-local` value (read in the browser's time zone), or undefined when incomplete. */
const instantOf = (local: string): string | undefined => {
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
};

/** What a newly ticked expiry starts at: thirty days from now. */
const inThirtyDays = (): string => new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString();

export interface ExpiryFieldProps {
  /** The expiry as an ISO instant, or null for none. */
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
}

export const ExpiryField = ({ value, onChange }: ExpiryFieldProps) => (
  <Stack gap={6} maw={420}>
    <Checkbox
      label="Ends on a date"
      description="The role stops counting at that moment; without one it lasts until removed."
      checked={value !== null}
      onChange={(event) => onChange(event.currentTarget.checked ? inThirtyDays() : null)}
    />
    {value === null ? null : (
      <TextInput
        type="datetime-local"
        label="Expires at (your local time)"
        value={localDateTimeValue(new Date(value))}
        onChange={(event) => {
          const instant = instantOf(event.currentTarget.value);
          if (instant !== undefined) onChange(instant);
        }}
      />
    )}
  </Stack>
);

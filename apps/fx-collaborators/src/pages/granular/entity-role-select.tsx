// One entity's role for the collaborator: the default the project role gives, or an explicit role shown as
// an override; locked for administrators and project owners, disabled with the reason when the admin may not give it.
import { Badge, Group, Select, Text, Tooltip } from "@mantine/core";
import { shortRole } from "./entity-grants.ts";

export interface EntityRoleSelectProps {
  readonly label: string;
  /** The roles that may be picked (ids), from the catalog. */
  readonly roles: ReadonlyArray<string>;
  /** The role the project role gives by default (id), from the catalog. */
  readonly defaultRole: string;
  /** The explicit role (id), or undefined when the default applies ("mixed" when environments differ). */
  readonly explicit: string | undefined;
  /** Why the control is disabled (locked, or the admin may not give these roles), or undefined. */
  readonly disabledReason: string | undefined;
  readonly busy: boolean;
  readonly onChange: (role: string) => void;
}

export const EntityRoleSelect = (props: EntityRoleSelectProps) => {
  const { label, roles, defaultRole, explicit, disabledReason, busy, onChange } = props;
  const select = (
    <Select
      aria-label={`${label} role`}
      w={220}
      allowDeselect={false}
      disabled={disabledReason !== undefined || busy}
      value={explicit === undefined ? "default" : explicit}
      data={[
        { value: "default", label: `Default (${shortRole(defaultRole)})` },
        ...(explicit === "mixed"
          ? [{ value: "mixed", label: "Differs per environment", disabled: true }]
          : []),
        ...roles.map((r) => ({ value: r, label: shortRole(r) })),
      ]}
      onChange={(value) => {
        if (value !== null && value !== "mixed") onChange(value);
      }}
    />
  );
  return (
    <Group justify="space-between" wrap="nowrap" data-testid={`entity-role-${label}`}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {explicit === undefined ? (
          <Badge size="sm" variant="light" color="gray">
            default: {shortRole(defaultRole)}
          </Badge>
        ) : (
          <Badge size="sm" variant="filled" color="indigo">
            overrides {shortRole(defaultRole)}
          </Badge>
        )}
      </Group>
      {disabledReason === undefined ? (
        select
      ) : (
        <Tooltip label={disabledReason} multiline w={320}>
          <div>{select}</div>
        </Tooltip>
      )}
    </Group>
  );
};

// One holder's role on the entity: a select of the entity's roles, each offered only as the server's `may` allows
// its grants.update, and Remove (grants.remove, confirmed), so the holder follows its project role's default again.
import { ConfirmButton, WhyRefused } from "@gatehouse/ui";
import { Group, Select } from "@mantine/core";
import type { EntityRoleCall } from "../granular/entity-role-calls.ts";
import { useMayEach } from "../granular/entity-role-calls.ts";
import { useEntityRoleChange } from "../granular/entity-role-change.ts";
import type { EntityRoles, Holder } from "./entity-roles-query.ts";

interface HolderRoleProps {
  readonly holder: Holder;
  readonly roles: EntityRoles["roles"];
  /** The entity's name, e.g. "Production" or "New cart". */
  readonly entity: string;
}

export const HolderRole = ({ holder, roles, entity }: HolderRoleProps) => {
  const change = useEntityRoleChange();
  const current = holder.role.id;
  const calls = roles.map((role): EntityRoleCall | undefined =>
    role.id === current
      ? undefined
      : { procedure: "grants.update", input: { id: holder.grant, version: holder.version, role: role.id } },
  );
  const answers = useMayEach(calls);
  const refused = answers.find((a) => a?.allowed === false);
  const noneAllowed = answers.every((a, i) => calls[i] === undefined || a?.allowed !== true);
  const who = holder.holder.name;
  return (
    <Group gap={6} wrap="nowrap">
      <Select
        aria-label={`Role of ${who} on ${entity}`}
        size="xs"
        w={210}
        allowDeselect={false}
        disabled={noneAllowed || change.isPending}
        value={current}
        data={roles.map((role, i) => ({
          value: role.id,
          label: role.name,
          disabled: role.id !== current && answers[i]?.allowed !== true,
        }))}
        onChange={(choice) => {
          const call = calls[roles.findIndex((role) => role.id === choice)];
          const name = roles.find((role) => role.id === choice)?.name;
          if (call !== undefined) change.mutate({ call, done: `${who} is ${name} on ${entity}` });
        }}
      />
      {noneAllowed && refused?.allowed === false ? <WhyRefused reason={refused.reason} /> : null}
    </Group>
  );
};

interface RemoveHolderProps extends Omit<HolderRoleProps, "roles"> {
  /** The holder is the signed-in user: removing its role may end its managing them. */
  readonly self: boolean;
}

export const RemoveHolder = ({ holder, entity, self }: RemoveHolderProps) => {
  const change = useEntityRoleChange();
  const input = { id: holder.grant, version: holder.version };
  const who = holder.holder.name;
  return (
    <ConfirmButton
      procedure="grants.remove"
      input={input}
      ariaLabel={`Remove ${who}'s role on ${entity}`}
      pending={change.isPending}
      confirm={{
        title: `Remove ${who}'s role on ${entity}?`,
        message: self
          ? `You will no longer be ${holder.role.name} on ${entity}: the default your project role gives applies again, and you may no longer manage ${entity}'s roles.`
          : `${who} will no longer be ${holder.role.name} on ${entity}: the default their project role gives applies again.`,
        confirmLabel: "Remove role",
        cancelLabel: "Keep it",
      }}
      onConfirm={() =>
        change.mutate({
          call: { procedure: "grants.remove", input },
          done: `${who} no longer holds a role on ${entity}`,
        })
      }
    >
      Remove
    </ConfirmButton>
  );
};

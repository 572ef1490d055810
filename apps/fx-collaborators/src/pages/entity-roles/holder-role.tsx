// One holder's role on the entity: a select of the entity's roles, each offered only as the server's `may` allows
// its grants.update, its expiry and what a group's role does not do, and Remove (grants.remove, confirmed).
import { ConfirmButton, WhyRefused } from "@gatehouse/ui";
import { Badge, Group, Select, Text } from "@mantine/core";
import type { EntityRoleCall } from "../granular/entity-role-calls.ts";
import { useChoiceAnswers } from "../granular/entity-role-calls.ts";
import { useEntityRoleChange } from "../granular/entity-role-change.ts";
import type { EntityRoles, Holder } from "./entity-roles-query.ts";

interface HolderRoleProps {
  readonly holder: Holder;
  readonly roles: EntityRoles["roles"];
  /** The entity's name, e.g. "Production" or "New cart". */
  readonly entity: string;
}

const day = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/**
 * What the row's grant does not say by its role: it expired (it gives nothing; the person is offered under Give a
 * role again, which replaces it), when it expires, and for a group, the members the engine keeps their own for.
 */
export const HolderNote = ({ holder }: { readonly holder: Holder }) => (
  <>
    {holder.expiresAt === null ? null : holder.expired ? (
      <Text size="xs" c="red">
        Expired {day(holder.expiresAt)}: gives nothing now; give {holder.holder.name} a role below to replace
        it
      </Text>
    ) : (
      <Text size="xs" c="dimmed">
        Until {day(holder.expiresAt)}
      </Text>
    )}
    {holder.ignoredFor.length === 0 ? null : (
      <Text size="xs" c="dimmed">
        {holder.members !== null && holder.ignoredFor.length >= holder.members
          ? "Does nothing for any of its members: "
          : "Does nothing for "}
        {holder.ignoredFor.map((m) => `${m.name} (${m.why})`).join("; ")}
      </Text>
    )}
  </>
);

export const HolderRole = ({ holder, roles, entity }: HolderRoleProps) => {
  const change = useEntityRoleChange();
  const current = holder.role.id;
  const calls = roles.map((role): EntityRoleCall | undefined =>
    role.id === current || holder.expired
      ? undefined
      : { procedure: "grants.update", input: { id: holder.grant, version: holder.version, role: role.id } },
  );
  const answers = useChoiceAnswers(calls);
  const refused = answers.find((a) => a?.allowed === false);
  const noneAllowed = answers.every((a, i) => calls[i] === undefined || a?.allowed !== true);
  const who = holder.holder.name;
  // an expired grant's role is not changed (it would stay expired): it is replaced by giving a role anew
  if (holder.expired)
    return (
      <Group gap={6} wrap="nowrap">
        <Text
          size="sm"
          td="line-through"
          aria-label={`Role of ${who} on ${entity}: ${holder.role.name}, expired`}
        >
          {holder.role.name}
        </Text>
        <Badge color="red" variant="light" size="sm">
          Expired
        </Badge>
      </Group>
    );
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

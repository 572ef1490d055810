// One entity's role for the collaborator: the default the project role gives (marked as such) or an explicit role
// shown as an override; each choice offered only as the server's `may` allows its call, "Why?" naming a refusal.
import type { Resource } from "@gatehouse/client";
import { WhyRefused } from "@gatehouse/ui";
import { Badge, Group, Select, Text } from "@mantine/core";
import type { GrantRow } from "./entity-grants.ts";
import { callFor, DEFAULT, type EntityRoleCall, useChoiceAnswers } from "./entity-role-calls.ts";

export interface EntityRoleSelectProps {
  /** The entity's name, e.g. "Production" or "New cart". */
  readonly label: string;
  readonly user: string;
  /** Where the role sits: the environment, or the flag (with no environment). */
  readonly scope: Resource;
  /** The collaborator's explicit grant there, if any. */
  readonly current: GrantRow | undefined;
  /** The roles that may be picked (ids, widest first), from the catalog. */
  readonly roles: ReadonlyArray<string>;
  /** The role the project role gives by default (id), from the catalog. */
  readonly defaultRole: string;
  /** A role's name (catalog label). */
  readonly nameOf: (role: string) => string;
  /** Why entity roles are locked for the holder (administrators, project owners), or undefined. */
  readonly locked: string | undefined;
  readonly busy: boolean;
  readonly onChange: (call: EntityRoleCall, done: string) => void;
}

export const EntityRoleSelect = (props: EntityRoleSelectProps) => {
  const { label, user, scope, current, roles, defaultRole, nameOf, locked, busy, onChange } = props;
  const explicit = current?.role ?? undefined;
  const choices = [DEFAULT, ...roles];
  const calls = choices.map((choice) =>
    locked === undefined ? callFor(user, scope, current, choice) : undefined,
  );
  const answers = useChoiceAnswers(calls);
  const value = explicit ?? DEFAULT;
  // The choices other than the current one, and the first refusal among them (when none may be made).
  const others = choices
    .map((choice, i) => ({ choice, answer: answers[i] }))
    .filter((o) => o.choice !== value);
  const refused = others.find((o) => o.answer?.allowed === false)?.answer;
  const noneAllowed = others.every((o) => o.answer?.allowed !== true);
  const data = choices.map((choice, i) => ({
    value: choice,
    label: choice === DEFAULT ? `Default (${nameOf(defaultRole)})` : nameOf(choice),
    disabled: choice !== value && answers[i]?.allowed !== true,
  }));
  return (
    <Group justify="space-between" data-testid={`entity-role-${label}`}>
      <Group gap="xs">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {explicit === undefined ? (
          <Badge size="sm" variant="light" color="gray">
            default: {nameOf(defaultRole)}
          </Badge>
        ) : (
          <Badge size="sm" variant="filled" color="indigo">
            overrides {nameOf(defaultRole)}
          </Badge>
        )}
      </Group>
      <Group gap={6} wrap="nowrap">
        <Select
          aria-label={`${label} role`}
          w={280}
          allowDeselect={false}
          disabled={locked !== undefined || noneAllowed || busy}
          value={value}
          data={data}
          onChange={(choice) => {
            const i = choice === null ? -1 : choices.indexOf(choice);
            const call = calls[i];
            if (choice === null || call === undefined) return;
            onChange(
              call,
              choice === DEFAULT
                ? `${label} follows the project role again (${nameOf(defaultRole)})`
                : `${label}: ${nameOf(choice)}`,
            );
          }}
        />
        {locked === undefined && noneAllowed && refused?.allowed === false ? (
          <WhyRefused reason={refused.reason} />
        ) : null}
      </Group>
    </Group>
  );
};

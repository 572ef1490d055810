// Give a role on the entity to another collaborator of the project: the person picked by name and email among those
// the server serves (with why one cannot be given any), a role among those it may give them, then grants.create.
import { GuardedCall } from "@gatehouse/ui";
import { Button, Group, Select, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useEntityRoleChange } from "../granular/entity-role-change.ts";
import type { EntityRoles } from "./entity-roles-query.ts";

interface GiveRoleProps {
  readonly roles: EntityRoles;
}

export const GiveRole = ({ roles }: GiveRoleProps) => {
  const [person, setPerson] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const change = useEntityRoleChange();
  const entity = roles.entity.name;
  const picked = roles.collaborators.find((c) => c.id === person);
  const offered = roles.roles.filter((r) => picked?.givable.includes(r.id));
  const input =
    picked === undefined || role === null
      ? undefined
      : { subject: { kind: "user" as const, id: picked.id }, role, scope: roles.scope };
  if (roles.collaborators.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Every collaborator of {roles.project.name} already holds a role on {entity}.
      </Text>
    );
  // Who cannot be given any role here, grouped by the server's reason (administrators' and owners' are locked).
  const locked = new Map<string, ReadonlyArray<string>>();
  for (const c of roles.collaborators)
    if (c.why !== null) locked.set(c.why, [...(locked.get(c.why) ?? []), c.name]);
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <Select
          label="Collaborator"
          placeholder="Search by name or email"
          searchable
          w={340}
          value={person}
          data={roles.collaborators.map((c) => ({
            value: c.id,
            label: `${c.name} · ${c.email}`,
            disabled: c.givable.length === 0,
          }))}
          onChange={(next) => {
            setPerson(next);
            setRole(null);
          }}
          nothingFoundMessage="No collaborator of the project by that name or email"
        />
        <Select
          label={`Role on ${entity}`}
          placeholder="Pick a role"
          w={220}
          disabled={picked === undefined}
          value={role}
          data={offered.map((r) => ({ value: r.id, label: r.name }))}
          onChange={setRole}
        />
        {input === undefined ? (
          <Button disabled>Give role</Button>
        ) : (
          <GuardedCall procedure="grants.create" input={input}>
            {(disabled) => (
              <Button
                disabled={disabled}
                loading={change.isPending}
                onClick={() => {
                  const name = roles.roles.find((r) => r.id === input.role)?.name;
                  change.mutate(
                    {
                      call: { procedure: "grants.create", input },
                      done: `${picked?.name} is ${name} on ${entity}`,
                    },
                    {
                      onSuccess: () => {
                        setPerson(null);
                        setRole(null);
                      },
                    },
                  );
                }}
              >
                Give role
              </Button>
            )}
          </GuardedCall>
        )}
      </Group>
      {[...locked].map(([why, people]) => (
        <Text key={why} size="xs" c="dimmed">
          {people.join(", ")}: {why}
        </Text>
      ))}
    </Stack>
  );
};

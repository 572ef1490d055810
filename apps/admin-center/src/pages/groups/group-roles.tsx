// "Roles this group gives" on a group's page: each role at its place with its expiry, Expiry (set, move or remove
// it) and Remove (the members' losses previewed, then a confirmation), and Give role; every control asks may. Only
// the roles at places the reader may view people are listed (groups.grants); the others are said to be hidden.
import { type RouterOutputs, useGatehouse, useRefresh, useTRPC } from "@gatehouse/client";
import { ConfirmButton, GuardedCall, QueryState, toast } from "@gatehouse/ui";
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useScopeNames } from "../users/scope-names.ts";
import { GiveGroupRole } from "./give-group-role.tsx";
import { GroupGrantExpiry } from "./group-grant-expiry.tsx";
import { MemberChanges } from "./member-changes.tsx";

type GroupGrant = RouterOutputs["groups"]["grants"]["grants"][number];

export interface GroupRolesProps {
  readonly org: string;
  readonly group: {
    readonly id: string;
    readonly name: string;
    readonly kind: string;
    readonly role: string | null;
  };
  readonly roleName: (role: string | null, permission: string | null) => string;
  /** Member names by user id, for the previews. */
  readonly names: ReadonlyMap<string, string>;
}

const RemovePanel = ({
  org,
  group,
  grant,
  what,
  names,
  onClose,
}: {
  org: string;
  group: GroupRolesProps["group"];
  grant: GroupGrant;
  what: string;
  names: ReadonlyMap<string, string>;
  onClose: () => void;
}) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const remove = useMutation({
    mutationFn: () => client.grants.remove.mutate({ id: grant.id, version: grant.version }),
    onSuccess: async () => {
      toast.success(`${group.name} no longer gives ${what}`);
      await refresh.after("grant.removed");
      onClose();
    },
    onError: (error) => toast.failure(error),
  });
  return (
    <Paper withBorder p="sm" aria-label={`Remove ${what}`}>
      <Stack gap="sm">
        <MemberChanges
          org={org}
          groupId={group.id}
          change={{ kind: "remove", grant: grant.id }}
          names={names}
        />
        <Group gap="xs">
          <ConfirmButton
            procedure="grants.remove"
            input={{ id: grant.id, version: grant.version }}
            pending={remove.isPending}
            confirm={{
              title: "Remove the group's role",
              message: `Remove ${what} from "${group.name}"? Its members lose what only this role gave them; their own roles stay.`,
              confirmLabel: "Remove role from group",
            }}
            onConfirm={() => remove.mutate()}
          >
            Remove role from group
          </ConfirmButton>
          <Button size="xs" variant="default" onClick={onClose}>
            Keep role
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
};

/** When a grant ends, as a person reads it: "until <date>", or "expired <date>: gives nothing now" once passed. */
const untilWords = (expiresAt: string): string => {
  const at = new Date(expiresAt);
  const when = at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  return at.getTime() <= Date.now() ? `expired ${when}: gives nothing now` : `until ${when}`;
};

export const GroupRoles = ({ org, group, roleName, names }: GroupRolesProps) => {
  const trpc = useTRPC();
  const given = useQuery(trpc.groups.grants.queryOptions({ id: group.id }));
  const grants = { ...given, data: given.data?.grants };
  const hidden = given.data?.hidden ?? 0;
  const scopeName = useScopeNames(org);
  const [giving, setGiving] = useState(false);
  const [removing, setRemoving] = useState<string | null>(null);
  const [dating, setDating] = useState<string | null>(null);
  const what = (g: GroupGrant) => `${roleName(g.role, g.permission)} on ${scopeName(g.scope)}`;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Roles this group gives</Title>
        {giving ? null : (
          <Button size="xs" onClick={() => setGiving(true)}>
            Give role
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {giving ? (
          <GiveGroupRole org={org} group={group} names={names} onClose={() => setGiving(false)} />
        ) : null}
        {hidden === 0 ? null : (
          <Text size="sm" c="dimmed">
            {hidden === 1
              ? "It gives 1 more role at places you do not administer (not shown to you)."
              : `It gives ${hidden} more roles at places you do not administer (not shown to you).`}
          </Text>
        )}
        {grants.error !== null || grants.data === undefined ? (
          <QueryState query={given} />
        ) : grants.data.length === 0 ? (
          hidden > 0 ? null : (
            <Text size="sm" c="dimmed">
              {group.kind === "product" && group.role !== null
                ? `Its members hold ${roleName(group.role, null)} through their own grants.`
                : "No roles are granted to this group: its members hold only their own roles."}
            </Text>
          )
        ) : (
          <Stack gap={6} role="list" aria-label="Roles this group gives">
            {grants.data.map((g) => (
              <Stack key={g.id} gap={6} role="listitem">
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {roleName(g.role, g.permission)}{" "}
                    <Text span size="xs" c="dimmed">
                      on {scopeName(g.scope)}
                      {g.expiresAt === null ? "" : `, ${untilWords(g.expiresAt)}`}
                    </Text>
                  </Text>
                  {removing === g.id || dating === g.id ? null : (
                    <Group gap={6} wrap="nowrap">
                      <GuardedCall procedure="grants.update" input={{ id: g.id, version: g.version }}>
                        {(disabled) => (
                          <Button
                            size="xs"
                            variant="default"
                            disabled={disabled}
                            aria-label={`Expiry of ${what(g)}`}
                            onClick={() => setDating(g.id)}
                          >
                            Expiry
                          </Button>
                        )}
                      </GuardedCall>
                      <GuardedCall procedure="grants.remove" input={{ id: g.id, version: g.version }}>
                        {(disabled) => (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            disabled={disabled}
                            aria-label={`Remove ${what(g)}`}
                            onClick={() => setRemoving(g.id)}
                          >
                            Remove
                          </Button>
                        )}
                      </GuardedCall>
                    </Group>
                  )}
                </Group>
                {dating === g.id ? (
                  <GroupGrantExpiry
                    grant={g}
                    what={what(g)}
                    groupName={group.name}
                    onClose={() => setDating(null)}
                  />
                ) : null}
                {removing === g.id ? (
                  <RemovePanel
                    org={org}
                    group={group}
                    grant={g}
                    what={what(g)}
                    names={names}
                    onClose={() => setRemoving(null)}
                  />
                ) : null}
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
};

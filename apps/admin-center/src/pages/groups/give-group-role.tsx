// "Give role" on a group's page: a place and a role the server says the admin may give there (assignable.*), an
// optional expiry, the preview of what the members gain, then grants.create for the group, asked through may.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { GuardedCall, toast } from "@gatehouse/ui";
import { Button, Group, Paper, Select, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useInvitableScopes } from "../invite/invitable-scopes.ts";
import { useAssignableRoles } from "../users/entitlement-queries.ts";
import { ExpiryField } from "../users/expiry-field.tsx";
import { MemberChanges } from "./member-changes.tsx";
import { placeOf, placeOptions } from "./place-options.ts";

export interface GiveGroupRoleProps {
  readonly org: string;
  readonly group: { readonly id: string; readonly name: string };
  readonly names: ReadonlyMap<string, string>;
  readonly onClose: () => void;
}

export const GiveGroupRole = ({ org, group, names, onClose }: GiveGroupRoleProps) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const scopes = useInvitableScopes(org);
  const [place, setPlace] = useState<string | null>(null);
  const [role, setRole] = useState<string | null>(null);
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const scope = place === null ? undefined : placeOf(place);
  const assignable = useAssignableRoles(scope);
  const roles = assignable.data?.roles ?? [];
  const chosen = roles.find((r) => r.id === role);
  const places = placeOptions(org, scopes.data ?? []);
  const placeLabel = places.flatMap((p) => p.items).find((i) => i.value === place)?.label ?? "";
  const input =
    scope === undefined || role === null
      ? undefined
      : {
          subject: { kind: "group" as const, id: group.id },
          role,
          scope,
          ...(expiresAt === null ? {} : { expiresAt }),
        };

  const give = useMutation({
    mutationFn: (grant: NonNullable<typeof input>) => client.grants.create.mutate(grant),
    onSuccess: async () => {
      const until = expiresAt === null ? "" : ` until ${new Date(expiresAt).toLocaleString()}`;
      toast.success(`${group.name} now gives ${chosen?.name ?? role} on ${placeLabel}${until}`);
      await refresh.after("grant.added");
      onClose();
    },
    onError: (error) => toast.failure(error),
  });

  return (
    <Paper withBorder p="md" aria-label="Give role">
      <Stack gap="sm">
        <Text fw={600}>Give {group.name} a role</Text>
        <Text size="sm" c="dimmed">
          Every member holds the role while they are in the group.
        </Text>
        <Group align="flex-start" grow maw={720}>
          <Select
            label="Place"
            placeholder={scopes.isLoading ? "Loading places…" : "Choose where"}
            data={places}
            value={place}
            onChange={(next) => {
              setPlace(next);
              setRole(null);
            }}
            error={scopes.error === null ? undefined : scopes.error.message}
            nothingFoundMessage="You may not give roles anywhere"
            searchable
          />
          <Select
            label="Role"
            placeholder={
              place === null
                ? "Choose a place first"
                : assignable.isLoading
                  ? "Loading roles…"
                  : "Choose a role"
            }
            disabled={place === null}
            data={roles.map((r) => ({
              value: r.id,
              label: r.decision === "allow" ? r.name : `${r.name} (not yours to give)`,
              disabled: r.decision !== "allow",
            }))}
            value={role}
            onChange={setRole}
            error={assignable.error === null ? undefined : assignable.error.message}
            nothingFoundMessage="No role can be given here"
            searchable
          />
        </Group>
        {chosen?.description === undefined || chosen.description === "" ? null : (
          <Text size="xs" c="dimmed">
            {chosen.description}
          </Text>
        )}
        <ExpiryField value={expiresAt} onChange={setExpiresAt} />
        {input === undefined ? null : (
          <MemberChanges
            org={org}
            groupId={group.id}
            change={{ kind: "create", role: input.role, scope: input.scope }}
            names={names}
          />
        )}
        <Group gap="xs">
          {input === undefined ? (
            <Button disabled>Give role to {group.name}</Button>
          ) : (
            <GuardedCall procedure="grants.create" input={input}>
              {(disabled) => (
                <Button disabled={disabled} loading={give.isPending} onClick={() => give.mutate(input)}>
                  Give role to {group.name}
                </Button>
              )}
            </GuardedCall>
          )}
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
};

// Changing one grant's role or expiry (seed 001: edit icon, pick the role, confirm): the roles offered are the
// grant product's roles the engine lets the admin give there; the expiry can be set, moved or removed; the
// what-if preview shows what a new role changes before saving (grants.update, asked by may).
import { type Resource, useGatehouse, useRefresh } from "@gatehouse/client";
import { toast } from "@gatehouse/ui";
import { Paper, Select, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useAssignableRoles } from "./entitlement-queries.ts";
import { ExpiryField } from "./expiry-field.tsx";
import { PanelActions } from "./panel-actions.tsx";
import { WhatIfPreview } from "./what-if-preview.tsx";

export interface EditedGrant {
  readonly id: string;
  readonly version: number;
  readonly role: string;
  readonly scope: Resource;
  /** Its expiry (an ISO instant), or null for none. */
  readonly expiresAt: string | null;
}

export interface RoleChangePanelProps {
  readonly org: string;
  readonly user: { readonly id: string; readonly name: string };
  readonly grant: EditedGrant;
  /** The grant's role and place, as the table shows them. */
  readonly roleName: string;
  readonly placeName: string;
  readonly onClose: () => void;
}

export const RoleChangePanel = ({ org, user, grant, roleName, placeName, onClose }: RoleChangePanelProps) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const [role, setRole] = useState<string | null>(null);
  const [expiresAt, setExpiresAt] = useState(grant.expiresAt);
  const assignable = useAssignableRoles(grant.scope);
  const roles = assignable.data?.roles ?? [];
  const product = roles.find((r) => r.id === grant.role)?.product ?? grant.role.split(":")[0];
  const options = roles
    .filter((r) => r.product === product && r.id !== grant.role)
    .map((r) => ({
      value: r.id,
      label: r.decision === "allow" ? r.name : `${r.name} (not yours to give)`,
      disabled: r.decision !== "allow",
    }));
  const chosen = roles.find((r) => r.id === role);

  const expiryChanged = expiresAt !== grant.expiresAt;
  const input =
    role === null && !expiryChanged
      ? undefined
      : {
          id: grant.id,
          version: grant.version,
          ...(role === null ? {} : { role }),
          ...(expiryChanged ? { expiresAt } : {}),
        };
  const done = [
    role === null ? `${user.name} has ${roleName}` : `${user.name} is now ${chosen?.name ?? role}`,
    `in ${placeName}`,
    ...(!expiryChanged
      ? []
      : [expiresAt === null ? "with no expiry" : `until ${new Date(expiresAt).toLocaleString()}`]),
  ].join(" ");

  const save = useMutation({
    mutationFn: (changed: NonNullable<typeof input>) => client.grants.update.mutate(changed),
    onSuccess: async () => {
      toast.success(done);
      await refresh.after("grant.removed", "grant.added");
      onClose();
    },
    onError: (error) => toast.failure(error),
  });

  return (
    <Paper withBorder p="md" aria-label="Change role">
      <Stack gap="sm">
        <Text fw={600}>
          Change {roleName} in {placeName}
        </Text>
        <Select
          label="New role"
          placeholder={assignable.isLoading ? "Loading roles…" : `Keep ${roleName}`}
          data={options}
          value={role}
          onChange={setRole}
          clearable
          error={assignable.error === null ? undefined : String(assignable.error)}
          nothingFoundMessage="No other role can be given here"
          maw={420}
          searchable
        />
        <ExpiryField value={expiresAt} onChange={setExpiresAt} />
        <PanelActions
          procedure="grants.update"
          input={input}
          label="Save role change"
          pending={save.isPending}
          onConfirm={() => input !== undefined && save.mutate(input)}
          onClose={onClose}
        />
        {/* Below the buttons: its answer arrives as the admin reaches for them and must not move them. */}
        {role === null ? null : (
          <WhatIfPreview org={org} subject={user.id} change={{ kind: "update", grant: grant.id, role }} />
        )}
      </Stack>
    </Paper>
  );
};

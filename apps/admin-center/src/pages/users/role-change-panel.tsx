// Changing one grant's role (seed 001: edit icon, pick the role, confirm): the roles offered are the grant
// product's roles the engine lets the admin give there; the what-if preview shows what changes before saving.
import { type Resource, useGatehouse, useRefresh } from "@gatehouse/client";
import { toast } from "@gatehouse/ui";
import { Paper, Select, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useAssignableRoles } from "./entitlement-queries.ts";
import { PanelActions } from "./panel-actions.tsx";
import { WhatIfPreview } from "./what-if-preview.tsx";

export interface EditedGrant {
  readonly id: string;
  readonly version: number;
  readonly role: string;
  readonly scope: Resource;
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

  const save = useMutation({
    mutationFn: (newRole: string) =>
      client.grants.update.mutate({ id: grant.id, version: grant.version, role: newRole }),
    onSuccess: async () => {
      toast.success(`${user.name} is now ${chosen?.name ?? role} in ${placeName}`);
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
          placeholder={assignable.isLoading ? "Loading roles…" : "Pick a role"}
          data={options}
          value={role}
          onChange={setRole}
          error={assignable.error === null ? undefined : String(assignable.error)}
          nothingFoundMessage="No other role can be given here"
          maw={420}
          searchable
        />
        <PanelActions
          procedure="grants.update"
          input={role === null ? undefined : { id: grant.id, version: grant.version, role }}
          label="Save role change"
          pending={save.isPending}
          onConfirm={() => role !== null && save.mutate(role)}
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

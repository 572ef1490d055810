// Adding a role to a user at the place its details were opened from (an instance or a project): pick one of the
// roles the server says may be given there and, if it should end, when; read the what-if preview, then confirm
// (grants.create, asked by may).
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { toast } from "@gatehouse/ui";
import { Paper, Stack, Text } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { GrantScope } from "../invite/access-row-model.ts";
import { RolePicker } from "../invite/role-picker.tsx";
import { ExpiryField } from "./expiry-field.tsx";
import { PanelActions } from "./panel-actions.tsx";
import { WhatIfPreview } from "./what-if-preview.tsx";

export interface AddRolePanelProps {
  readonly org: string;
  readonly user: { readonly id: string; readonly name: string };
  /** The place the details were opened from, and its name. */
  readonly place: GrantScope;
  readonly placeName: string;
  readonly roleName: (role: string) => string;
  readonly onClose: () => void;
}

export const AddRolePanel = ({ org, user, place, placeName, roleName, onClose }: AddRolePanelProps) => {
  const client = useGatehouse();
  const refresh = useRefresh();
  const [role, setRole] = useState("");
  const [expiresAt, setExpiresAt] = useState<string | null>(null);
  const input = {
    subject: { kind: "user" as const, id: user.id },
    role,
    scope: place,
    ...(expiresAt === null ? {} : { expiresAt }),
  };
  const add = useMutation({
    mutationFn: () => client.grants.create.mutate(input),
    onSuccess: async () => {
      const until = expiresAt === null ? "" : ` until ${new Date(expiresAt).toLocaleString()}`;
      toast.success(`${user.name} now has ${roleName(role)} in ${placeName}${until}`);
      await refresh.after("grant.added");
      onClose();
    },
    onError: (error) => toast.failure(error),
  });

  return (
    <Paper withBorder p="md" role="region" aria-label="Add role">
      <Stack gap="sm">
        <Text fw={600}>
          Add a role for {user.name} in {placeName}
        </Text>
        <RolePicker scopes={[place]} value={role} onChange={setRole} label="Role to add" />
        <ExpiryField value={expiresAt} onChange={setExpiresAt} />
        <PanelActions
          procedure="grants.create"
          input={role === "" ? undefined : input}
          label={role === "" ? "Add role" : `Add ${roleName(role)}`}
          pending={add.isPending}
          onConfirm={() => add.mutate()}
          onClose={onClose}
        />
        {/* Below the buttons: its answer arrives as the admin reaches for them and must not move them. */}
        {role === "" ? null : (
          <WhatIfPreview org={org} subject={user.id} change={{ kind: "create", role, scope: place }} />
        )}
      </Stack>
    </Paper>
  );
};

// The role to give at one access row's scopes: every role grantable there, as the engine answers through
// assignable.roles; a role the admin may not give stays visible, disabled, with its "Why?".
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { QueryState } from "@gatehouse/ui";
import { Group, Radio, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useAdministering } from "../products/org-queries.ts";
import type { GrantScope } from "./access-row-model.ts";
import { AssignWhy } from "./assign-why.tsx";

type Offered = RouterOutputs["assignable"]["roles"]["roles"][number];

export interface RolePickerProps {
  readonly scopes: ReadonlyArray<GrantScope>;
  readonly value: string;
  readonly onChange: (role: string) => void;
  readonly label: string;
}

const RoleOption = ({ role }: { role: Offered }) => (
  <Group gap={6} wrap="nowrap" align="flex-start">
    <Radio
      value={role.id}
      label={role.name}
      description={role.type === "custom" ? `Custom role · ${role.description}` : role.description}
      disabled={role.decision !== "allow"}
    />
    {role.decision === "allow" ? null : <AssignWhy roleName={role.name} reason={role.reason} />}
  </Group>
);

const RoleSection = ({ title, roles }: { title: string; roles: ReadonlyArray<Offered> }) =>
  roles.length === 0 ? null : (
    <Stack gap={6}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {title}
      </Text>
      {roles.map((role) => (
        <RoleOption key={role.id} role={role} />
      ))}
    </Stack>
  );

export const RolePicker = ({ scopes, value, onChange, label }: RolePickerProps) => {
  const trpc = useTRPC();
  const offered = useQuery(trpc.assignable.roles.queryOptions({ scopes: [...scopes] }));
  const administering = useAdministering();
  return (
    <QueryState query={offered} loading="Finding the roles you may give…">
      {({ roles }) => (
        <Radio.Group label={label} value={value} onChange={onChange} withAsterisk>
          <Stack gap="sm" mt="xs">
            <RoleSection title="Product roles" roles={roles.filter((r) => !administering.has(r.product))} />
            <RoleSection
              title="Admin Center roles"
              roles={roles.filter((r) => administering.has(r.product))}
            />
          </Stack>
        </Radio.Group>
      )}
    </QueryState>
  );
};

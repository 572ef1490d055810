// A role (route /roles/:id): every action grouped by entity. System roles are read-only and can be duplicated;
// custom roles can be edited and deleted (with confirmation); every button as the server answers its call.

import { useSignedInOrg } from "@gatehouse/client";
import { Crumbs, EmptyState, GuardedCall, QueryState } from "@gatehouse/ui";
import { Alert, Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { DeleteRoleButton } from "./delete-role-button.tsx";
import { DuplicateButton, useMayDuplicate } from "./duplicate-button.tsx";
import { RoleActions } from "./role-actions.tsx";
import { RoleEditor } from "./role-editor.tsx";
import { useCatalog, useInstances, useRole } from "./role-queries.ts";
import { RoleTypeBadge } from "./role-type-badge.tsx";

export const RolePage = () => {
  const { id } = useParams();
  const org = useSignedInOrg();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const role = useRole(id);
  // The role this one was duplicated from, by name (a role since deleted is said to be).
  const source = useRole(role.data?.duplicatedFrom ?? undefined);
  const duplicable = useMayDuplicate(role.data);
  const catalog = useCatalog();
  const instances = useInstances(org);
  const crumbs = (name: string) => <Crumbs items={[{ label: "Roles", to: "/roles" }, { label: name }]} />;

  const data = role.data;
  if (role.error !== null || data === undefined)
    return (
      <Stack>
        {crumbs(id ?? "Role")}
        <QueryState query={role} loading="Loading the role…" />
      </Stack>
    );
  if (org === undefined) return <EmptyState title="No such role" />;

  const product = catalog.data?.find((p) => p.id === data.product);
  const instanceName =
    data.instance === null
      ? null
      : (instances.data?.find((i) => i.id === data.instance)?.name ?? data.instance);
  const canDuplicate = product?.customRoles === true;

  return (
    <Stack>
      {crumbs(data.name)}
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1} size="h2">
              {data.name}
            </Title>
            <RoleTypeBadge type={data.type} />
          </Group>
          <Text size="sm" c="dimmed">
            {product?.label ?? data.product}
            {instanceName === null ? " · every instance" : ` · instance ${instanceName}`} ·{" "}
            {data.permissions.length === 1 ? "1 action" : `${data.permissions.length} actions`}
          </Text>
          {data.description === "" ? null : <Text size="sm">{data.description}</Text>}
          {data.duplicatedFrom === null ? null : (
            <Text size="sm" c="dimmed">
              Duplicated from{" "}
              {source.data !== undefined ? (
                <Anchor component={Link} to={`/roles/${encodeURIComponent(data.duplicatedFrom)}`} size="sm">
                  {source.data.name}
                </Anchor>
              ) : source.error === null ? (
                "another role"
              ) : (
                "a role since deleted"
              )}
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {canDuplicate ? <DuplicateButton role={data} /> : null}
          {data.type === "custom" && !editing ? (
            <>
              <GuardedCall procedure="roles.updateCustom" input={{ id: data.id, version: data.version }}>
                {(disabled) => (
                  <Button variant="light" disabled={disabled} onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                )}
              </GuardedCall>
              <DeleteRoleButton role={data} onDeleted={() => navigate("/roles")} />
            </>
          ) : null}
        </Group>
      </Group>
      {data.type === "system" ? (
        <Alert color="gray" title="System role: read-only">
          System roles come with {product?.label ?? data.product} and cannot be edited or deleted.
          {canDuplicate && duplicable.allowed === true
            ? " Duplicate it to make a custom role you can change."
            : ""}
        </Alert>
      ) : null}
      {editing ? (
        <RoleEditor
          role={data}
          actions={product?.actions ?? []}
          onDone={() => setEditing(false)}
          onReload={() => {
            setEditing(false);
            void role.refetch().then(() => setEditing(true));
          }}
        />
      ) : (
        <RoleActions groups={data.actions} />
      )}
    </Stack>
  );
};

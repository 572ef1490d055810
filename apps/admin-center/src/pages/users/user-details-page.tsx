// A user's details (route /users/:id?context=product/instance/project): the entitlements seen from the place the
// details were opened from (seed 001), adding a role there or editing or deleting one (with the what-if preview),
// removing access from or deleting the user from the instance or project, and, for the whole account, deactivating,
// reactivating and removing it from the account, each confirmed.
import { useGatehouse, useRefresh, useSignedInOrg } from "@gatehouse/client";
import { Crumbs, confirm, QueryState, toast } from "@gatehouse/ui";
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate, useParams, useSearchParams } from "react-router";
import { useCatalog } from "../products/org-queries.ts";
import { ScopeCrumbs } from "../products/scope-crumbs.tsx";
import { instancePath, parseContext, projectPath, type UserScope } from "../products/scope-paths.ts";
import { AccountActions } from "./account-actions.tsx";
import { AddRolePanel } from "./add-role-panel.tsx";
import { useRoleNames, useUserDetails } from "./entitlement-queries.ts";
import { EntitlementsTable, type GrantRow } from "./entitlements-table.tsx";
import { GuardedButton } from "./guarded-button.tsx";
import { RoleChangePanel } from "./role-change-panel.tsx";
import { useScopeNames } from "./scope-names.ts";
import { useDeleteUser, useRemoveAccess } from "./user-mutations.ts";
import { UserStatusBadge } from "./user-status-badge.tsx";

/** The list the details were opened from, where a deleted user's admin goes back to. */
const listPath = (scope: UserScope): string => {
  if (scope.project !== undefined) return projectPath(scope.project);
  if (scope.product !== undefined && scope.instance !== undefined)
    return instancePath(scope.product, scope.instance);
  if (scope.product !== undefined) return `/products/${scope.product}`;
  return "/users";
};

const contextText = (scope: UserScope): string =>
  scope.project !== undefined
    ? "this project"
    : scope.instance !== undefined
      ? "this instance"
      : scope.product !== undefined
        ? "this product"
        : "the organization";

export const UserDetailsPage = () => {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const scope = parseContext(params.get("context"));
  const org = useSignedInOrg() ?? "";
  const context = { org, ...scope };
  const client = useGatehouse();
  const refresh = useRefresh();
  const navigate = useNavigate();
  const details = useUserDetails(id, context);
  const catalog = useCatalog();
  const roleName = useRoleNames();
  const scopeName = useScopeNames(org);
  const [editing, setEditing] = useState<GrantRow | null>(null);
  const [adding, setAdding] = useState(false);
  const placeName = scope.product === undefined ? "the organization" : scopeName(context);
  const backToList = () => navigate(listPath(scope));
  const removeAccess = useRemoveAccess(org, scope, placeName, backToList);
  const deleteUser = useDeleteUser(org, scope, placeName, backToList);

  const removeGrant = useMutation({
    mutationFn: (grant: GrantRow) => client.grants.remove.mutate({ id: grant.id, version: grant.version }),
    onSuccess: async (_result, grant) => {
      toast.success(
        `Deleted the role ${roleName(grant.role, grant.permission)} in ${scopeName(grant.scope, grant.names)}`,
      );
      await refresh.after("grant.removed");
    },
    onError: (error) => toast.failure(error),
  });

  // A context naming no product (a made-up address) is said to be no place, not a refusal.
  if (scope.product !== undefined && catalog.data?.some((p) => p.id === scope.product) === false)
    return (
      <Stack>
        <Title order={1} size="h2">
          No place "{params.get("context")}" here
        </Title>
        <Text size="sm" c="dimmed">
          Open the user from a list of your organization's users.
        </Text>
      </Stack>
    );
  if (details.error !== null || details.data === undefined) return <QueryState query={details} />;
  const { user, grants, deactivation, access } = details.data;
  // The roles reaching the place that are not the user's own grants inside it: above it, or through a group.
  const held = new Set(grants.map((grant) => grant.id));
  const reached = access.filter((row) => row.via !== null || !held.has(row.grant));

  const askDeleteGrant = (grant: GrantRow) =>
    confirm({
      title: `Delete the role ${roleName(grant.role, grant.permission)}?`,
      message: `${user.name} loses ${roleName(grant.role, grant.permission)} in ${scopeName(grant.scope, grant.names)}. Other roles stay.`,
      confirmLabel: "Delete role",
      cancelLabel: "Keep role",
      destructive: true,
      onConfirm: () => removeGrant.mutate(grant),
    });

  return (
    <Stack>
      {scope.product === undefined ? (
        <Crumbs items={[{ label: "Users", to: "/users" }, { label: user.name }]} />
      ) : (
        <ScopeCrumbs org={org} scope={scope} current={user.name} />
      )}
      <Group justify="space-between" align="flex-end">
        <div>
          <Group gap="xs">
            <Title order={1} size="h2">
              {user.name}
            </Title>
            <UserStatusBadge status={user.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {user.email}
            {user.org === org ? "" : ` · from ${user.org}`}
          </Text>
          {deactivation === null ? null : (
            <Text size="sm" c="red">
              Deactivated {deactivation.by === null ? "" : `by ${deactivation.by.name} `}on{" "}
              {new Date(deactivation.at).toLocaleString()}: cannot sign in, and its roles count for nothing
              until it is reactivated.
            </Text>
          )}
        </div>
        <Group gap="xs">
          {scope.instance === undefined ? null : (
            <>
              <GuardedButton
                procedure="users.removeAccess"
                input={{ userId: user.id, scope: context }}
                label="Remove access"
                tone="quiet"
                pending={removeAccess.pending}
                onClick={() => removeAccess.ask(user)}
              />
              <GuardedButton
                procedure="users.delete"
                input={{ userId: user.id, scope: context }}
                label="Delete user"
                tone="danger"
                pending={deleteUser.pending}
                onClick={() => deleteUser.ask(user)}
              />
            </>
          )}
          <AccountActions user={user} onRemoved={backToList} />
        </Group>
      </Group>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={4}>Entitlements in {placeName}</Title>
          <Text size="sm" c="dimmed">
            The roles {user.name} holds in {contextText(scope)}, and those reaching it from elsewhere.
          </Text>
        </div>
        {scope.instance === undefined || adding ? null : (
          <Button variant="light" onClick={() => setAdding(true)}>
            Add role
          </Button>
        )}
      </Group>
      {!adding ? null : (
        <AddRolePanel
          org={org}
          user={user}
          place={context}
          placeName={placeName}
          roleName={(role) => roleName(role, null)}
          onClose={() => setAdding(false)}
        />
      )}
      <EntitlementsTable
        grants={grants}
        reached={reached}
        error={null}
        onRetry={() => void details.refetch()}
        roleName={roleName}
        placeName={(grant) => scopeName(grant.scope, grant.names)}
        onEdit={setEditing}
        onDelete={askDeleteGrant}
      />
      {editing === null || editing.role === null ? null : (
        <RoleChangePanel
          key={editing.id}
          org={org}
          user={user}
          grant={{
            id: editing.id,
            version: editing.version,
            role: editing.role,
            scope: editing.scope,
            expiresAt: editing.expiresAt,
          }}
          roleName={roleName(editing.role, editing.permission)}
          placeName={scopeName(editing.scope, editing.names)}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
};

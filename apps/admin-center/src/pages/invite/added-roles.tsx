// What an invite did for emails that already had an account: the roles added to each, by role and place names,
// and the ones it held already (inviting again is idempotent).
import { Alert, List, Stack, Text } from "@mantine/core";
import { useRoleNames } from "../users/entitlement-queries.ts";
import { useScopeNames } from "../users/scope-names.ts";
import type { GrantScope } from "./access-row-model.ts";

interface Given {
  readonly role: string | null;
  readonly permission: string | null;
  readonly scope: GrantScope;
}

export interface AddedRoles {
  readonly email: string;
  readonly grants: ReadonlyArray<Given>;
  readonly alreadyHad: ReadonlyArray<Given>;
}

export const AddedRolesNotice = ({ org, added }: { org: string; added: ReadonlyArray<AddedRoles> }) => {
  const roleName = useRoleNames();
  const scopeName = useScopeNames(org);
  const named = (g: Given) => `${roleName(g.role, g.permission)} in ${scopeName({ ...g.scope })}`;
  return (
    <Alert
      color="green"
      title={added.length === 1 ? "Roles added" : "Roles added to existing accounts"}
      data-testid="added-roles"
    >
      <Stack gap="xs">
        {added.map((a, i) => (
          // The same email may be listed twice (invited again): newest first, by position.
          <Stack key={`${added.length - i} ${a.email}`} gap={2}>
            <Text size="sm" fw={500}>
              {a.email} already has an account: no invitation was needed.
            </Text>
            <List size="sm">
              {a.grants.map((g) => (
                <List.Item key={`added ${named(g)}`}>Added {named(g)}</List.Item>
              ))}
              {a.alreadyHad.map((g) => (
                <List.Item key={`had ${named(g)}`}>Already had {named(g)}</List.Item>
              ))}
            </List>
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
};

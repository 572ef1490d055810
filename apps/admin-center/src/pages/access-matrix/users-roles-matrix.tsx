// Users × roles for the chosen scope: a server-side page of the users holding a grant inside it (searchable),
// and for each the roles it holds there; a column per role found on the page, each cell saying where. A page is
// shown once every row's grants are in, so the table does not grow under the controls below it as they arrive.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { type Column, PagedTable, useSearchedPages } from "@gatehouse/ui";
import { Badge, Group, Stack, Text, Title } from "@mantine/core";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { MatrixScope } from "./matrix-scope.ts";
import { UserLines } from "./user-label.tsx";

const pageSize = 25;
const depth = ["product", "instance", "project", "environment", "flag"] as const;

type DirectoryUser = RouterOutputs["users"]["list"]["items"][number];
type Grant = RouterOutputs["users"]["get"]["grants"][number];

export interface UsersRolesMatrixProps {
  readonly org: string;
  readonly scope: MatrixScope;
  /** Role id → the name people know it by (system and custom roles). */
  readonly roleNames: ReadonlyMap<string, string>;
}

/**
 * Where a grant sits, by the server's name for its deepest place, when it is below the chosen scope ("" when it
 * is at the scope or above it).
 */
const below = (grant: Grant, scope: MatrixScope): string => {
  const deepest = depth.filter((key) => grant.scope[key] !== undefined).at(-1);
  const chosen = depth.filter((key) => scope[key as keyof MatrixScope] !== undefined).at(-1);
  if (
    deepest === undefined ||
    deepest === "product" ||
    depth.indexOf(deepest) <= (chosen === undefined ? -1 : depth.indexOf(chosen))
  )
    return "";
  return grant.names[deepest] ?? grant.scope[deepest] ?? "";
};

export const UsersRolesMatrix = ({ org, scope, roleNames }: UsersRolesMatrixProps) => {
  const trpc = useTRPC();
  const { searchBox, searched, pages, pageInput } = useSearchedPages("Search users");
  const users = useQuery({
    ...trpc.users.list.queryOptions({
      org,
      scope,
      limit: pageSize,
      ...pageInput,
    }),
    placeholderData: keepPreviousData,
  });
  const context = { org, ...scope };
  const grants = useQueries({
    queries: (users.data?.items ?? []).map((user) => ({
      ...trpc.users.get.queryOptions({ id: user.id, context }),
    })),
  });
  const grantsOf = new Map<string, ReadonlyArray<Grant>>();
  for (const [i, user] of (users.data?.items ?? []).entries()) {
    const answer = grants[i]?.data;
    if (answer !== undefined) grantsOf.set(user.id, answer.grants);
  }
  const roles = [...new Set([...grantsOf.values()].flat().map((g) => g.role ?? g.permission ?? ""))].sort();
  const columns: Array<Column<DirectoryUser>> = [
    { id: "user", header: "User", cell: ({ row }) => <UserLines user={row.original} /> },
    ...roles.map(
      (role): Column<DirectoryUser> => ({
        id: role,
        header: roleNames.get(role) ?? role,
        cell: ({ row }) => {
          const held = (grantsOf.get(row.original.id) ?? []).filter((g) => (g.role ?? g.permission) === role);
          return (
            <Group gap={4}>
              {held.map((grant) => {
                const where = below(grant, scope);
                return (
                  <Badge
                    key={grant.id}
                    variant="light"
                    color={grant.expiresAt === null ? "indigo" : "orange"}
                    title={
                      grant.expiresAt === null
                        ? undefined
                        : `Until ${new Date(grant.expiresAt).toLocaleString()}`
                    }
                  >
                    ✓{where === "" ? "" : ` ${where}`}
                  </Badge>
                );
              })}
            </Group>
          );
        },
      }),
    ),
  ];
  // Every row's grants answered (a row whose grants cannot be read shows none, as before).
  const complete =
    users.data !== undefined &&
    grants.length === users.data.items.length &&
    grants.every((g) => g.data !== undefined || g.error !== null);
  // The page with its role columns, or the loading state until each row's grants are in.
  const shown = {
    data: complete ? users.data : undefined,
    error: users.error,
    refetch: () => users.refetch(),
  };
  return (
    <Stack>
      <Title order={3}>Users and their roles here</Title>
      {searchBox}
      <PagedTable
        label="Users and roles"
        columns={columns}
        query={shown}
        pages={pages}
        rowKey={(user) => user.id}
        empty={{
          title: searched === "" ? "Nobody holds a role here" : "No user matches",
          hint: "Only users with a role granted directly inside this scope are listed; group members are not.",
        }}
      />
      <Text size="xs" c="dimmed">
        A check mark is a role granted at this scope; a name after it says where below the scope it is
        granted. Orange marks expire (hover for when). Roles granted above this scope or through groups are
        not listed here; "Who can do an action here" counts them.
      </Text>
    </Stack>
  );
};

// "Who can do this here": the admin picks an action of the scope's product and the engine lists every user
// allowed it (directly, through groups or across organizations); the ids are shown a page at a time.
import { type Resource, useTRPC } from "@gatehouse/client";
import { actionsOn, QueryState } from "@gatehouse/ui";
import { Group, Pagination, Select, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { actionOptions, byLabelOrId } from "./action-options.ts";
import { SubjectWhy } from "./subject-why.tsx";
import { UserLabel } from "./user-label.tsx";

const pageSize = 20;

export interface WhoCanPanelProps {
  readonly org: string;
  readonly product: string;
  /** The chosen scope with the attributes the engine's conditions read (production, platform). */
  readonly resource: Resource;
  /** Only actions of this Experimentation platform (when a project is chosen). */
  readonly platform?: string;
}

export const WhoCanPanel = ({ org, product, resource, platform }: WhoCanPanelProps) => {
  const trpc = useTRPC();
  const [action, setAction] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const catalog = useQuery(trpc.catalog.products.queryOptions());
  // One option per engine action (the served catalog lists each id once), in the project's platform's words; the
  // same array across renders, so an open list is not rebuilt while the admin types or picks in it.
  const actions = useMemo(
    () => actionOptions(actionsOn(catalog.data?.find((p) => p.id === product)?.actions ?? [], platform)),
    [catalog.data, product, platform],
  );
  const chosen = action !== null && actions.some((a) => a.value === action) ? action : null;
  const who = useQuery({
    ...trpc.authz.whoCan.queryOptions({ action: chosen ?? "", resource }),
    enabled: chosen !== null,
  });
  const users = who.data ?? [];
  const shown = users.slice((page - 1) * pageSize, page * pageSize);
  return (
    <Stack>
      <Title order={3}>Who can do an action here</Title>
      <Select
        label="Action"
        placeholder="Choose an action"
        data={actions}
        value={chosen}
        onChange={(value) => {
          setAction(value);
          setPage(1);
        }}
        searchable
        filter={byLabelOrId}
        renderOption={({ option }) => <span title={option.value}>{option.label}</span>}
        maw={520}
      />
      {chosen === null ? (
        <Text size="sm" c="dimmed">
          Choose an action to list everyone the engine allows it on this scope.
        </Text>
      ) : (
        <QueryState
          query={who}
          empty={{ title: "Nobody", hint: "No user may do this here.", when: () => users.length === 0 }}
        >
          {() => (
            <Stack gap="xs">
              <Text size="sm" data-testid="who-can-count">
                {users.length === 1 ? "1 user may do this here." : `${users.length} users may do this here.`}
              </Text>
              <Table aria-label="Who can do it" verticalSpacing="xs" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>User</Table.Th>
                    <Table.Th>Explanation</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((userId) => (
                    <Table.Tr key={userId}>
                      <Table.Td>
                        <UserLabel userId={userId} org={org} />
                      </Table.Td>
                      <Table.Td>
                        <SubjectWhy subject={userId} org={org} action={chosen} resource={resource} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {users.length > pageSize ? (
                <Group justify="flex-end">
                  <Pagination
                    total={Math.ceil(users.length / pageSize)}
                    value={page}
                    onChange={setPage}
                    size="sm"
                  />
                </Group>
              ) : null}
            </Stack>
          )}
        </QueryState>
      )}
    </Stack>
  );
};

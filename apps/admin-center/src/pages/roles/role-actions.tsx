// A role's actions as the role page shows them: one panel per entity with every action's label and id.
// The API already groups them (`roles.get` → `actions`), in the role's order.

import { Badge, Code, Group, List, Paper, SimpleGrid, Text } from "@mantine/core";
import type { RoleDetails } from "./role-queries.ts";

export const RoleActions = ({ groups }: { groups: RoleDetails["actions"] }) => {
  if (groups.length === 0)
    return (
      <Text size="sm" c="dimmed">
        This role holds no actions yet.
      </Text>
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="sm">
      {groups.map((group) => (
        <Paper key={group.entity} withBorder p="sm" role="region" aria-label={`Actions on ${group.entity}`}>
          <Group justify="space-between" mb="xs">
            <Text fw={600} tt="capitalize">
              {group.entity}
            </Text>
            <Badge variant="light" color="gray">
              {group.actions.length}
            </Badge>
          </Group>
          <List size="sm" spacing={4}>
            {group.actions.map((action) => (
              <List.Item key={action.id}>
                {action.label} <Code>{action.id}</Code>
              </List.Item>
            ))}
          </List>
        </Paper>
      ))}
    </SimpleGrid>
  );
};

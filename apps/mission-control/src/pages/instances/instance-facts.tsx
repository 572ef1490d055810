// The environment's facts as the API derives them from stored rows (customer, environment, instance id,
// platform, last operation), as a two-column description list.
import { Card, SimpleGrid, Text } from "@mantine/core";

export const InstanceFacts = ({ facts }: { facts: Record<string, string> }) => (
  <Card withBorder>
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" aria-label="Environment facts" m={0}>
      {Object.entries(facts).map(([name, value]) => (
        <div key={name}>
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {name}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  </Card>
);

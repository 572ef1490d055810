// "Why?" next to a role the admin may not give: the engine's assign decision for it (refused, and the reason),
// in the same popover style as the kit's WhyLink for checked actions.
import { Anchor, Badge, Group, Popover, Stack, Text } from "@mantine/core";

export const AssignWhy = ({ roleName, reason }: { roleName: string; reason: string }) => (
  <Popover width={360} position="bottom-start" shadow="md">
    <Popover.Target>
      <Anchor component="button" type="button" size="xs" aria-label={`Why can't I give ${roleName}?`}>
        Why?
      </Anchor>
    </Popover.Target>
    <Popover.Dropdown>
      <Stack gap="xs" data-testid="assign-why">
        <Group gap="xs">
          <Badge color="red">Not allowed</Badge>
          <Text size="sm" fw={500}>
            Give {roleName}
          </Text>
        </Group>
        <Text size="sm">{reason}</Text>
      </Stack>
    </Popover.Dropdown>
  </Popover>
);

// The actions a what-if preview says are gained or lost on one place: a titled row of badges by label (the
// action's id on hover), named for assistive technology; nothing when there are none.
import { Badge, Group, Stack, Text } from "@mantine/core";

export interface ActionBadgesProps {
  /** What the row says ("Gains", "Loses"), followed by the count. */
  readonly title: string;
  /** The row's accessible name; the title when not given. */
  readonly label?: string;
  readonly color: string;
  readonly actions: ReadonlyArray<{ readonly id: string; readonly label: string }>;
}

export const ActionBadges = ({ title, label = title, color, actions }: ActionBadgesProps) =>
  actions.length === 0 ? null : (
    <Stack gap={4} role="group" aria-label={label}>
      <Text size="xs" fw={600} c={color}>
        {title} ({actions.length})
      </Text>
      <Group gap={4}>
        {actions.map((a) => (
          <Badge key={a.id} color={color} variant="light" tt="none" title={a.id}>
            {a.label}
          </Badge>
        ))}
      </Group>
    </Stack>
  );

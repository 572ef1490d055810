// An operation's status as a coloured badge, with a "simulated" mark under it when the simulated executor ran
// it (nothing happened to a real environment).
import { Badge, Stack, Text } from "@mantine/core";
import { type Operation, statusColor, statusLabel } from "./operation-words.ts";

export const StatusBadge = ({ operation }: { operation: Pick<Operation, "status" | "simulated"> }) => (
  <Stack gap={2} style={{ whiteSpace: "nowrap" }}>
    <Badge color={statusColor[operation.status]} variant="light" styles={{ label: { overflow: "visible" } }}>
      {statusLabel[operation.status]}
    </Badge>
    {operation.simulated ? (
      <Text size="xs" c="dimmed">
        simulated
      </Text>
    ) : null}
  </Stack>
);

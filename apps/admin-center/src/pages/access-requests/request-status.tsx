// A request's status as a badge; a customer-approved support ticket also names its ticket, since the
// platform operator still has to assign the role.

import { requestStatusColor, requestStatusLabel } from "@gatehouse/ui";
import { Badge, Stack, Text } from "@mantine/core";
import type { AccessRequest } from "./request-view.ts";

export const RequestStatus = ({ request }: { request: AccessRequest }) => (
  <Stack gap={2} style={{ whiteSpace: "nowrap" }}>
    <Badge
      color={requestStatusColor[request.status]}
      variant="light"
      styles={{ label: { overflow: "visible" } }}
    >
      {requestStatusLabel[request.status]}
    </Badge>
    {request.status === "customer-approved" ? (
      <Text size="xs" c="dimmed">
        Waiting for the operator
      </Text>
    ) : null}
    {request.ticket === null ? null : (
      <Text size="xs" c="dimmed">
        Ticket {request.ticket}
      </Text>
    )}
  </Stack>
);

// A request's state: a badge, and for the support-ticket path the three steps with the current one marked
// (none reached for a denied or cancelled ticket), plus the ticket reference once the customer approved and who
// answered it when the platform operator denied it, or that the customer withdrew its approval.

import { requestStatusColor, requestStatusLabel } from "@gatehouse/ui";
import { Badge, Stack, Text } from "@mantine/core";
import { type MyRequest, ticketSteps } from "./request-words.ts";

/** ✓ for the steps passed, ● for the current one, ○ for those ahead. */
const mark = (index: number, reached: number): string =>
  index < reached ? "✓" : index === reached ? "●" : "○";

const TicketSteps = ({ status }: { status: MyRequest["status"] }) => {
  const reached = ticketSteps.indexOf(status);
  return (
    <Stack gap={0} aria-label="Support ticket steps">
      {ticketSteps.map((step, index) => (
        <Text
          key={step}
          size="xs"
          fw={index === reached ? 700 : 400}
          style={{ whiteSpace: "nowrap" }}
          aria-current={index === reached ? "step" : undefined}
          {...(index <= reached ? {} : { c: "dimmed" })}
        >
          {mark(index, reached)} {requestStatusLabel[step]}
        </Text>
      ))}
    </Stack>
  );
};

export const RequestStatusCell = ({ request }: { request: MyRequest }) => (
  <Stack gap={4}>
    <Badge color={requestStatusColor[request.status]} variant="light" w="fit-content">
      {requestStatusLabel[request.status]}
    </Badge>
    {request.path === "support-ticket" ? <TicketSteps status={request.status} /> : null}
    {request.ticket === null ? null : (
      <Text size="xs" c="dimmed">
        Ticket {request.ticket}
        {request.status === "customer-approved" ? ", waiting for the platform operator" : ""}
        {request.status !== "denied"
          ? ""
          : request.completedBy !== null
            ? ", denied by the platform operator"
            : ", approval withdrawn by the customer"}
      </Text>
    )}
  </Stack>
);

// The operator's support-ticket queue (route /support-tickets): partner access requests a customer approved on
// the support-ticket path, each with what was asked and the customer's approval, to complete or deny; and the
// tickets it answered.
import { type RouterInputs, useTRPC } from "@gatehouse/client";
import { Crumbs, QueryState } from "@gatehouse/ui";
import { SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { TicketCard } from "./ticket-card.tsx";

type Status = NonNullable<RouterInputs["accessRequests"]["queue"]["status"]>;

const filters: Array<{ value: Status; label: string }> = [
  { value: "customer-approved", label: "Waiting for you" },
  { value: "completed", label: "Completed" },
  { value: "denied", label: "Denied" },
];

const emptyTitle: Record<Status, string> = {
  "customer-approved": "No support tickets are waiting",
  completed: "No completed support tickets",
  denied: "No denied support tickets",
};

export const SupportTicketsPage = () => {
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status>("customer-approved");
  const tickets = useQuery(trpc.accessRequests.queue.queryOptions({ status }));
  return (
    <Stack>
      <Crumbs items={[{ label: "Platform" }, { label: "Support tickets" }]} />
      <Title order={1} size="h2">
        Support tickets
      </Title>
      <Text size="sm" c="dimmed">
        Partner users ask a customer for Mission Control access through a support ticket. Once the customer
        approved, complete the ticket to grant the role, or deny it.
      </Text>
      <SegmentedControl
        aria-label="Tickets"
        value={status}
        onChange={(value) => setStatus(value as Status)}
        data={filters}
        w="fit-content"
      />
      <QueryState
        query={tickets}
        loading="Loading support tickets…"
        empty={{
          title: emptyTitle[status],
          hint: "Tickets appear here when a customer approves a partner's support-ticket request.",
        }}
      >
        {(list) => (
          <Stack gap="sm">
            {list.map((ticket) => (
              <TicketCard key={ticket.id} ticket={ticket} />
            ))}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
};

// One support ticket in the operator's queue: who asks which customer for which role where and why, the
// customer's approval (who, when), and, while it waits, Complete and Deny, each confirmed and asked of `may`.
import { type RouterOutputs, useRefresh, useTRPC } from "@gatehouse/client";
import { ConfirmButton, requestStatusColor, requestStatusLabel, toast } from "@gatehouse/ui";
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";

export type Ticket = RouterOutputs["accessRequests"]["queue"][number];

const when = (iso: string | null) => (iso === null ? "—" : new Date(iso).toLocaleString());

const person = (p: { readonly name: string; readonly email: string | null }) =>
  p.email === null ? p.name : `${p.name} (${p.email})`;

/** The customer's last answer: its approval, or (denied without the operator) a denial or a withdrawn approval. */
const customerAnswer = (ticket: Ticket): string =>
  ticket.status !== "denied" || ticket.answeredBy !== null
    ? "Approved"
    : ticket.ticket === null
      ? "Denied"
      : "Approval withdrawn";

const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Stack gap={0}>
    <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
      {label}
    </Text>
    <Text size="sm">{children}</Text>
  </Stack>
);

const Answers = ({ ticket }: { ticket: Ticket }) => {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const subject = `${person(ticket.requester)} of ${ticket.partner.name}`;
  const place = `${ticket.instance?.name ?? "every Mission Control environment"} of ${ticket.customer.name}`;
  const after = { onSettled: () => void refresh.after("grant.added") };
  const complete = useMutation(
    trpc.accessRequests.complete.mutationOptions({
      ...after,
      onSuccess: () => toast.success(`Completed: ${ticket.requester.name} is now ${ticket.role.name}`),
      onError: (error) => toast.failure(error),
    }),
  );
  const reject = useMutation(
    trpc.accessRequests.reject.mutationOptions({
      ...after,
      onSuccess: () => toast.success(`Denied the request of ${ticket.requester.name}`),
      onError: (error) => toast.failure(error),
    }),
  );
  const input = { id: ticket.id };
  return (
    <Group gap="xs">
      <ConfirmButton
        procedure="accessRequests.complete"
        input={input}
        ariaLabel={`Complete the ticket of ${ticket.requester.name}`}
        pending={complete.isPending}
        confirm={{
          title: "Complete support ticket",
          message: `Give ${subject} the role ${ticket.role.name} on ${place}, as ${ticket.customer.name} approved?`,
          confirmLabel: "Complete and grant",
          destructive: false,
        }}
        onConfirm={() => complete.mutate(input)}
      >
        Complete
      </ConfirmButton>
      <ConfirmButton
        procedure="accessRequests.reject"
        input={input}
        ariaLabel={`Deny the ticket of ${ticket.requester.name}`}
        pending={reject.isPending}
        confirm={{
          title: "Deny support ticket",
          message: `Deny ${subject} the role ${ticket.role.name} on ${place}? Nothing is granted; they can ask again.`,
          confirmLabel: "Deny ticket",
        }}
        onConfirm={() => reject.mutate(input)}
      >
        Deny
      </ConfirmButton>
    </Group>
  );
};

export const TicketCard = ({ ticket }: { ticket: Ticket }) => (
  <Card
    component="article"
    withBorder
    padding="md"
    aria-label={`Ticket ${ticket.ticket ?? ""} of ${ticket.requester.name}`}
  >
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={3} size="h5">
            {ticket.partner.name} asks {ticket.customer.name} for {ticket.role.name}
          </Title>
          <Text size="xs" c="dimmed">
            Ticket {ticket.ticket ?? "—"} · asked {when(ticket.requestedAt)}
          </Text>
        </Stack>
        <Badge color={requestStatusColor[ticket.status]} variant="light">
          {requestStatusLabel[ticket.status]}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Fact label="Requester">{person(ticket.requester)}</Fact>
        <Fact label="Partner">{ticket.partner.name}</Fact>
        <Fact label="Customer">{ticket.customer.name}</Fact>
        <Fact label="Role">{ticket.role.name}</Fact>
        <Fact label="Environment">{ticket.instance?.name ?? "All environments"}</Fact>
        <Fact label="Reason">{ticket.reason ?? "None given"}</Fact>
      </SimpleGrid>
      <Text size="sm" data-testid="customer-approval">
        {ticket.approvedBy === null
          ? "Not approved by the customer"
          : `${customerAnswer(ticket)} by ${person(ticket.approvedBy)} of ${ticket.customer.name} on ${when(ticket.approvedAt)}`}
      </Text>
      {ticket.answeredBy === null ? null : (
        <Text size="sm">
          {ticket.status === "completed" ? "Completed" : "Denied"} by {ticket.answeredBy.name} on{" "}
          {when(ticket.answeredAt)}
        </Text>
      )}
      {ticket.status === "customer-approved" ? <Answers ticket={ticket} /> : null}
    </Stack>
  </Card>
);

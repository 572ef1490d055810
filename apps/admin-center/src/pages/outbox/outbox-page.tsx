// The Outbox (route /outbox): on a server without SMTP_URL, the invitation emails it kept instead of sending, newest
// first, each as the invitee would read it with its accept link to follow; only those whose invitation the admin may see.
import { type RouterOutputs, useSignedInOrg, useTRPC } from "@gatehouse/client";
import { languageNames, languageOf } from "@gatehouse/contracts";
import { Crumbs, EmptyState, QueryState } from "@gatehouse/ui";
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Fragment } from "react";

type Message = RouterOutputs["outbox"]["list"]["messages"][number];

const LINK = /(https?:\/\/\S+)/;

/** The message text with its links as links (the accept link leads to the invitee's accept page). */
const Body = ({ text }: { text: string }) => (
  <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
    {text.split(LINK).map((part, i) =>
      LINK.test(part) ? (
        <Anchor key={part} href={part}>
          {part}
        </Anchor>
      ) : (
        <Fragment key={i}>{part}</Fragment>
      ),
    )}
  </Text>
);

const MessageCard = ({ message }: { message: Message }) => (
  <Paper withBorder p="md" component="article" aria-label={`Email to ${message.to}`}>
    <Stack gap="xs">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{message.subject}</Text>
        <Group gap="xs">
          <Badge variant="light">{languageNames[languageOf(message.language)]}</Badge>
          <Text size="xs" c="dimmed">
            {new Date(message.createdAt).toLocaleString()}
          </Text>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        To {message.to}
      </Text>
      <Body text={message.body} />
    </Stack>
  </Paper>
);

export const OutboxPage = () => {
  const trpc = useTRPC();
  const org = useSignedInOrg();
  const outbox = useQuery(trpc.outbox.list.queryOptions(org === undefined ? skipToken : { org }));
  return (
    <Stack>
      <Crumbs items={[{ label: "Users", to: "/users" }, { label: "Outbox" }]} />
      <Title order={2}>Outbox</Title>
      {org === undefined ? (
        <EmptyState title="No organization">The platform operator has no outbox.</EmptyState>
      ) : (
        <QueryState query={outbox}>
          {({ transport, messages }) =>
            transport === "smtp" ? (
              <EmptyState title="Emails go to the mail server">
                This server sends invitation emails through SMTP, so it keeps no outbox.
              </EmptyState>
            ) : (
              <Stack>
                <Text size="sm" c="dimmed">
                  No mail server is set up (SMTP_URL), so invitation emails are kept here instead of being
                  sent: the ones to invitations you may see.
                </Text>
                {messages.length === 0 ? (
                  <EmptyState title="No emails yet">Invite someone and their email appears here.</EmptyState>
                ) : (
                  messages.map((message) => <MessageCard key={message.id} message={message} />)
                )}
              </Stack>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
};

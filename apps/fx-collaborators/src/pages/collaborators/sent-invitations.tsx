// What became of the invitations just sent: for each collaborator, whether the email went out (or, on a server
// without SMTP, waits in the Admin Center's Outbox, or failed) and its accept link to copy, shown only now.
import type { RouterOutputs } from "@gatehouse/client";
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";

export type Invited = RouterOutputs["users"]["invite"]["invited"];

const fullUrl = (acceptUrl: string): string => new URL(acceptUrl, window.location.origin).toString();

export const SentInvitations = ({ invited, onDone }: { invited: Invited; onDone: () => void }) => (
  <Stack gap="sm">
    {invited.map((one) => (
      <Alert
        key={one.invitationId}
        color={one.delivery.status === "failed" ? "yellow" : "green"}
        title={one.email}
      >
        <Stack gap="xs">
          <Text size="sm" role={one.delivery.status === "failed" ? "alert" : undefined}>
            {one.delivery.message}
          </Text>
          <Text size="xs" c="dimmed">
            The link is shown only now and works once.
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code aria-label={`Accept link for ${one.email}`} style={{ wordBreak: "break-all", flex: 1 }}>
              {fullUrl(one.acceptUrl)}
            </Code>
            <CopyButton value={fullUrl(one.acceptUrl)}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} style={{ flexShrink: 0 }}>
                  {copied ? "Copied" : "Copy"}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      </Alert>
    ))}
    <Group justify="flex-end">
      <Button onClick={onDone}>Done</Button>
    </Group>
  </Stack>
);

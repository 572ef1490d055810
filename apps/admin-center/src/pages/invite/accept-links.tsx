// The accept links of invitations just sent or resent: tokens are shown only once, so each link is
// displayed in full with a copy button, to be passed on to the invitee.
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";

export interface SentLink {
  readonly email: string;
  /** `/admin-center/accept?token=…`, as the API answers it. */
  readonly acceptUrl: string;
}

const fullUrl = (acceptUrl: string): string => new URL(acceptUrl, window.location.origin).toString();

export const AcceptLinks = ({ title, links }: { title: string; links: ReadonlyArray<SentLink> }) => (
  <Alert color="green" title={title} data-testid="accept-links">
    <Stack gap="xs">
      <Text size="sm">Send each invitee their link. It is shown only now and works once.</Text>
      {links.map((link) => (
        <Stack key={link.email} gap={4}>
          <Text size="sm" fw={500}>
            {link.email}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Code aria-label={`Accept link for ${link.email}`} style={{ wordBreak: "break-all" }}>
              {fullUrl(link.acceptUrl)}
            </Code>
            <CopyButton value={fullUrl(link.acceptUrl)}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? "Copied" : "Copy"}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      ))}
    </Stack>
  </Alert>
);

// The accept links of invitations just sent or resent, with what became of each email: tokens are shown only
// once, so each link is displayed in full with a copy button, to be passed on when the email did not go out.
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import { type Delivery, DeliveryNote } from "./delivery-note.tsx";

export interface SentLink {
  readonly email: string;
  /** `/admin-center/accept?token=…`, as the API answers it. */
  readonly acceptUrl: string;
  /** What became of the invitation email, when the server said. */
  readonly delivery?: Delivery;
}

const fullUrl = (acceptUrl: string): string => new URL(acceptUrl, window.location.origin).toString();

export const AcceptLinks = ({ title, links }: { title: string; links: ReadonlyArray<SentLink> }) => (
  <Alert
    color={links.some((l) => l.delivery?.status === "failed") ? "yellow" : "green"}
    title={title}
    data-testid="accept-links"
  >
    <Stack gap="xs">
      <Text size="sm">
        Each link is shown only now and works once; pass it on yourself if the email did not reach the
        invitee.
      </Text>
      {links.map((link) => (
        <Stack key={link.email} gap={4}>
          <Text size="sm" fw={500}>
            {link.email}
          </Text>
          {link.delivery === undefined ? null : <DeliveryNote delivery={link.delivery} />}
          <Group gap="xs" wrap="nowrap">
            <Code
              aria-label={`Accept link for ${link.email}`}
              style={{ wordBreak: "break-all", flex: 1, minWidth: 0 }}
            >
              {fullUrl(link.acceptUrl)}
            </Code>
            <CopyButton value={fullUrl(link.acceptUrl)}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} style={{ flexShrink: 0 }}>
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

// The outcome of one bulk-invite row, as the Result column shows it: ready or not (before sending), then invited
// with what became of its email and its accept link (shown once), the role added to an existing account (or
// already held), or refused with the API's reason.
import { Badge, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import type { BulkRow } from "./bulk-csv.ts";
import { type Delivery, DeliveryNote } from "./delivery-note.tsx";

export type BulkOutcome =
  | { readonly kind: "sending" }
  | { readonly kind: "invited"; readonly acceptUrl: string; readonly delivery: Delivery }
  | { readonly kind: "added"; readonly already: boolean }
  | { readonly kind: "refused"; readonly reason: string };

export const BulkResult = ({ row, outcome }: { row: BulkRow; outcome: BulkOutcome | undefined }) => {
  if (row.problem !== undefined)
    return (
      <Stack gap={4} align="flex-start">
        <Badge color="orange" variant="light">
          Invalid
        </Badge>
        <Text size="sm">{row.problem}</Text>
      </Stack>
    );
  if (outcome === undefined)
    return (
      <Badge color="blue" variant="light">
        Ready
      </Badge>
    );
  if (outcome.kind === "sending")
    return (
      <Badge color="gray" variant="light">
        Sending…
      </Badge>
    );
  if (outcome.kind === "refused")
    return (
      <Stack gap={4} align="flex-start">
        <Badge color="red" variant="light">
          Refused
        </Badge>
        <Text size="sm">{outcome.reason}</Text>
      </Stack>
    );
  if (outcome.kind === "added")
    return (
      <Stack gap={4} align="flex-start">
        <Badge color="green" variant="light">
          {outcome.already ? "Already had the role" : "Role added"}
        </Badge>
        <Text size="sm">Existing account: no invitation needed</Text>
      </Stack>
    );
  const url = new URL(outcome.acceptUrl, window.location.origin).toString();
  return (
    <Stack gap={4} align="flex-start">
      <Group gap="xs">
        <Badge color="green" variant="light">
          Invited
        </Badge>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" onClick={copy}>
              {copied ? "Copied" : "Copy link"}
            </Button>
          )}
        </CopyButton>
      </Group>
      <DeliveryNote delivery={outcome.delivery} />
      <Code aria-label={`Accept link for ${row.email}`} style={{ wordBreak: "break-all" }}>
        {url}
      </Code>
    </Stack>
  );
};

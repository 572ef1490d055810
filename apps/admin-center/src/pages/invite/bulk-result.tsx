// The outcome of one bulk-invite row, as the Result column shows it: invalid (its own problem, or the server's
// refusal when asked beforehand), checking or ready (before sending), then invited with what became of its email
// and its accept link (shown once), the role added to an existing account (or already held), or refused with the
// API's reason.
import { Badge, Button, Code, CopyButton, Group, Stack, Text } from "@mantine/core";
import type { RowCheck } from "./bulk-checks.ts";
import type { BulkRow } from "./bulk-csv.ts";
import { type Delivery, DeliveryNote } from "./delivery-note.tsx";

export type BulkOutcome =
  | { readonly kind: "sending" }
  | { readonly kind: "invited"; readonly acceptUrl: string; readonly delivery: Delivery }
  | { readonly kind: "added"; readonly already: boolean }
  | { readonly kind: "refused"; readonly reason: string };

export interface BulkResultProps {
  readonly row: BulkRow;
  readonly check: RowCheck | undefined;
  readonly outcome: BulkOutcome | undefined;
}

export const BulkResult = ({ row, check, outcome }: BulkResultProps) => {
  const problem = row.problem ?? (check?.kind === "refused" ? check.reason : undefined);
  if (problem !== undefined && outcome === undefined)
    return (
      <Stack gap={4} align="flex-start">
        <Badge color="orange" variant="light">
          Invalid
        </Badge>
        <Text size="sm">{problem}</Text>
      </Stack>
    );
  if (outcome === undefined && check?.kind !== "ready")
    return (
      <Badge color="gray" variant="light">
        Checking…
      </Badge>
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

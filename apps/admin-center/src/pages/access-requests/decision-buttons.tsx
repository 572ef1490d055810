// Approve and Deny for one pending request, each enabled when the server would take its accessRequests.decide
// call (engine.assign of the requested role to the requester), disabled with "Why?" otherwise; Deny confirms first.
import { useMay } from "@gatehouse/client";
import { confirm, WhyRefused } from "@gatehouse/ui";
import { Button, Group } from "@mantine/core";
import type { AccessRequest } from "./request-view.ts";
import { requesterName } from "./requester.tsx";
import type { Decision } from "./use-decide.ts";

export interface DecisionButtonsProps {
  readonly request: AccessRequest;
  readonly instanceName: string;
  readonly onApprove: (request: AccessRequest) => void;
  readonly onDecide: (decision: Decision) => void;
}

export const DecisionButtons = ({ request, instanceName, onApprove, onDecide }: DecisionButtonsProps) => {
  const requester = requesterName(request);
  const approve = useMay("accessRequests.decide", { id: request.id, approve: true });
  const refuse = useMay("accessRequests.decide", { id: request.id, approve: false });
  const refusal = [approve.answer, refuse.answer].find((answer) => answer?.allowed === false);
  const deny = () =>
    confirm({
      title: "Deny partner access",
      message: `Deny ${requester} of ${request.partnerName} the role ${request.roleName} on ${instanceName}? They can ask again later.`,
      confirmLabel: "Deny",
      destructive: true,
      onConfirm: () => onDecide({ request, requester, approve: false }),
    });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        disabled={approve.allowed !== true}
        aria-label={`Approve the request of ${request.requester.name ?? request.user}`}
        onClick={() => onApprove(request)}
      >
        Approve…
      </Button>
      <Button
        size="xs"
        color="red"
        variant="light"
        disabled={refuse.allowed !== true}
        aria-label={`Deny the request of ${request.requester.name ?? request.user}`}
        onClick={deny}
      >
        Deny
      </Button>
      {refusal?.allowed === false ? <WhyRefused reason={refusal.reason} /> : null}
    </Group>
  );
};

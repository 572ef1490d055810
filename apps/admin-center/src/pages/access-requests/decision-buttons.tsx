// Approve and Deny for one pending request, and Withdraw approval for a support ticket waiting for the operator,
// each enabled when the server would take its accessRequests.decide call, disabled with "Why?" otherwise; Deny
// and Withdraw confirm first.
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

export const DecisionButtons = (props: DecisionButtonsProps) =>
  props.request.status === "customer-approved" ? (
    <WithdrawButton {...props} />
  ) : (
    <PendingButtons {...props} />
  );

/** A support ticket this organization approved, waiting for the operator: the approval withdrawn ends it denied. */
const WithdrawButton = ({ request, instanceName, onDecide }: DecisionButtonsProps) => {
  const requester = requesterName(request);
  const withdraw = useMay("accessRequests.decide", { id: request.id, approve: false });
  const confirmed = () =>
    confirm({
      title: "Withdraw approval",
      message: `Withdraw your approval of ${requester} of ${request.partnerName} as ${request.roleName} on ${instanceName}? The platform operator will not complete it; the request ends denied and they can ask again later.`,
      confirmLabel: "Withdraw approval",
      destructive: true,
      onConfirm: () => onDecide({ request, requester, approve: false }),
    });
  return (
    <Group gap="xs" wrap="nowrap">
      <Button
        size="xs"
        color="red"
        variant="light"
        disabled={withdraw.allowed !== true}
        aria-label={`Withdraw the approval of ${request.requester.name ?? request.user}`}
        onClick={confirmed}
      >
        Withdraw approval
      </Button>
      {withdraw.answer?.allowed === false ? <WhyRefused reason={withdraw.answer.reason} /> : null}
    </Group>
  );
};

const PendingButtons = ({ request, instanceName, onApprove, onDecide }: DecisionButtonsProps) => {
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

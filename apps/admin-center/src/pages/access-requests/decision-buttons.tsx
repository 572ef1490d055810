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

/** What a refusing button (Deny, Withdraw approval) says, and whether the server would take its decision. */
interface RefuseButtonProps {
  readonly label: string;
  readonly ariaLabel: string;
  /** The confirmation's title and question. */
  readonly title: string;
  readonly message: string;
  readonly enabled: boolean;
  readonly onConfirm: () => void;
}

/** A red button that asks first, then refuses the request: ends it denied. */
const RefuseButton = ({ label, ariaLabel, title, message, enabled, onConfirm }: RefuseButtonProps) => (
  <Button
    size="xs"
    color="red"
    variant="light"
    disabled={!enabled}
    aria-label={ariaLabel}
    onClick={() => confirm({ title, message, confirmLabel: label, destructive: true, onConfirm })}
  >
    {label}
  </Button>
);

/** A support ticket this organization approved, waiting for the operator: the approval withdrawn ends it denied. */
const WithdrawButton = ({ request, instanceName, onDecide }: DecisionButtonsProps) => {
  const requester = requesterName(request);
  const withdraw = useMay("accessRequests.decide", { id: request.id, approve: false });
  return (
    <Group gap="xs" wrap="nowrap">
      <RefuseButton
        label="Withdraw approval"
        ariaLabel={`Withdraw the approval of ${request.requester.name ?? request.user}`}
        title="Withdraw approval"
        message={`Withdraw your approval of ${requester} of ${request.partnerName} as ${request.roleName} on ${instanceName}? The platform operator will not complete it; the request ends denied and they can ask again later.`}
        enabled={withdraw.allowed === true}
        onConfirm={() => onDecide({ request, requester, approve: false })}
      />
      {withdraw.answer?.allowed === false ? <WhyRefused reason={withdraw.answer.reason} /> : null}
    </Group>
  );
};

const PendingButtons = ({ request, instanceName, onApprove, onDecide }: DecisionButtonsProps) => {
  const requester = requesterName(request);
  const approve = useMay("accessRequests.decide", { id: request.id, approve: true });
  const refuse = useMay("accessRequests.decide", { id: request.id, approve: false });
  const refusal = [approve.answer, refuse.answer].find((answer) => answer?.allowed === false);
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
      <RefuseButton
        label="Deny"
        ariaLabel={`Deny the request of ${request.requester.name ?? request.user}`}
        title="Deny partner access"
        message={`Deny ${requester} of ${request.partnerName} the role ${request.roleName} on ${instanceName}? They can ask again later.`}
        enabled={refuse.allowed === true}
        onConfirm={() => onDecide({ request, requester, approve: false })}
      />
      {refusal?.allowed === false ? <WhyRefused reason={refusal.reason} /> : null}
    </Group>
  );
};

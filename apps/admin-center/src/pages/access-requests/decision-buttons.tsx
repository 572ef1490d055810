// Approve and Deny for one pending request, enabled only when the engine lets the admin give Mission
// Control roles at the request's scope (disabled with "Why?" otherwise); denying asks for confirmation.
import { confirm, Guarded, partnerRoleName } from "@gatehouse/ui";
import { Button, Group } from "@mantine/core";
import { type AccessRequest, requestScope } from "./request-view.ts";
import { useRequesterName } from "./requester.tsx";
import type { Decision } from "./use-decide.ts";

/** The action whose holders may give Mission Control roles at a scope: what the buttons ask the engine. */
const decideAction = "admin-center:user.invite";

export interface DecisionButtonsProps {
  readonly request: AccessRequest;
  readonly instanceName: string;
  readonly onApprove: (request: AccessRequest) => void;
  readonly onDecide: (decision: Decision) => void;
}

export const DecisionButtons = ({ request, instanceName, onApprove, onDecide }: DecisionButtonsProps) => {
  const requester = useRequesterName(request.user, request.customerOrg);
  const deny = () =>
    confirm({
      title: "Deny partner access",
      message: `Deny ${requester} of ${request.partnerOrg} the role ${partnerRoleName(request.role)} on ${instanceName}? They can ask again later.`,
      confirmLabel: "Deny",
      destructive: true,
      onConfirm: () => onDecide({ request, requester, approve: false }),
    });
  return (
    <Guarded action={decideAction} resource={requestScope(request)}>
      {(disabled) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="xs"
            disabled={disabled}
            aria-label={`Approve the request of ${request.user}`}
            onClick={() => onApprove(request)}
          >
            Approve…
          </Button>
          <Button
            size="xs"
            color="red"
            variant="light"
            disabled={disabled}
            aria-label={`Deny the request of ${request.user}`}
            onClick={deny}
          >
            Deny
          </Button>
        </Group>
      )}
    </Guarded>
  );
};

// Deciding a partner access request: deny, or approve with the Mission Control role the admin chose (for a
// direct request; the API grants it in the same audited write, asking the engine about that role).
import { useGatehouse, useRefresh } from "@gatehouse/client";
import type { PartnerRole } from "@gatehouse/contracts";
import { partnerRoleName, toast } from "@gatehouse/ui";
import { useMutation } from "@tanstack/react-query";
import type { AccessRequest } from "./request-view.ts";

export interface Decision {
  readonly request: AccessRequest;
  /** The requester as the admin sees it (name and email, or id), for the outcome's message. */
  readonly requester: string;
  readonly approve: boolean;
  /** The role to give when approving a direct request (the requested one by default). */
  readonly role?: typeof PartnerRole.Type;
}

export const useDecide = () => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ request, approve, role }: Decision) =>
      client.accessRequests.decide.mutate({
        id: request.id,
        approve,
        ...(approve && role !== undefined && role !== request.role && request.path === "direct" && { role }),
      }),
    onSuccess: (decided, { request, requester, approve, role }) => {
      const given = role ?? decided.role;
      toast.success(
        !approve
          ? request.status === "customer-approved"
            ? `Withdrew the approval of ${requester}'s request: the operator will not complete it`
            : `Denied the request of ${requester}`
          : decided.status === "customer-approved"
            ? `Approved; support ticket ${decided.ticket ?? ""} waits for the platform operator`
            : `Approved: ${requester} is now ${partnerRoleName(given)}`,
      );
    },
    onError: (error) => toast.failure(error),
    onSettled: () => refresh.after("grant.added"),
  });
};

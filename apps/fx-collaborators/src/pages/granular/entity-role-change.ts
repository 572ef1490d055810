// Setting one entity role (an environment's, or a flag's for every environment): makes the very call the select
// asked `may` about (create, update or remove the explicit grant), so "Default" removes the override.
import { useGatehouse, useRefresh } from "@gatehouse/client";
import { toast } from "@gatehouse/ui";
import { useMutation } from "@tanstack/react-query";
import type { EntityRoleCall } from "./entity-role-calls.ts";

export interface EntityRoleChange {
  readonly call: EntityRoleCall;
  /** What the toast says once done, e.g. "Production: Environment Publisher". */
  readonly done: string;
}

const make = (client: ReturnType<typeof useGatehouse>, call: EntityRoleCall) => {
  switch (call.procedure) {
    case "grants.create":
      return client.grants.create.mutate(call.input);
    case "grants.update":
      return client.grants.update.mutate(call.input);
    case "grants.remove":
      return client.grants.remove.mutate(call.input);
  }
};

export const useEntityRoleChange = () => {
  const client = useGatehouse();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ call }: EntityRoleChange) => {
      await make(client, call);
    },
    onSuccess: (_done, { done }) => toast.success(done),
    onError: toast.failure,
    onSettled: () => refresh.after("grant.added", "grant.removed"),
  });
};

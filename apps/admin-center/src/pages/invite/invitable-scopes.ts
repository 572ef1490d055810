// The scopes the signed-in admin may invite users to, as assignable.scopes answers them: the organization's
// products, instances and Experimentation projects where the engine allows `admin-center:user.invite`.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export type InvitableProduct = RouterOutputs["assignable"]["scopes"][number];

/** Every product, instance and project of the organization below which the admin may invite someone. */
export const useInvitableScopes = (org: string | undefined) => {
  const trpc = useTRPC();
  return useQuery(trpc.assignable.scopes.queryOptions(undefined, { enabled: org !== undefined }));
};

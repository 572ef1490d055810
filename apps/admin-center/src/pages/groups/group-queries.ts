// The queries the group pages share: the organization's groups and one group's page of members.
// Live updates invalidate them by the groups path key, so a member added elsewhere shows up here.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export type GroupRow = RouterOutputs["groups"]["list"][number];
export type GroupPageData = RouterOutputs["groups"]["get"];
export type Member = GroupPageData["members"][number];

export const useGroups = (org: string | undefined) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.groups.list.queryOptions({ org: org ?? "" }),
    enabled: org !== undefined,
  });
};

/** One page of the group's members (by user id, after `cursor`). */
export const useGroup = (id: string | undefined, cursor: string | undefined) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.groups.get.queryOptions({ id: id ?? "", limit: 25, ...(cursor === undefined ? {} : { cursor }) }),
    enabled: id !== undefined,
    placeholderData: (previous) => previous,
  });
};

/** The groups a person reads: Custom, Everyone (every user of the organization) or a product group. */
export const kindLabel = (kind: string): string =>
  kind === "custom" ? "Custom" : kind === "everyone" ? "Everyone" : "Product group";

// The queries the group pages share: the organization's groups and one group's page of members.
// Live updates invalidate them on every change, so a member added elsewhere shows up here.
import { type RouterOutputs, useGatehouse } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export type GroupRow = RouterOutputs["groups"]["list"][number];
export type GroupPageData = RouterOutputs["groups"]["get"];
export type Member = GroupPageData["members"][number];

export const groupsKey = ["groups"] as const;

export const useGroups = (org: string | undefined) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: [...groupsKey, "list", org],
    queryFn: () => client.groups.list.query({ org: org ?? "" }),
    enabled: org !== undefined,
  });
};

/** One page of the group's members (by user id, after `cursor`). */
export const useGroup = (id: string | undefined, cursor: string | undefined) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: [...groupsKey, "get", id, cursor ?? null],
    queryFn: () =>
      client.groups.get.query({ id: id ?? "", limit: 25, ...(cursor === undefined ? {} : { cursor }) }),
    enabled: id !== undefined,
    placeholderData: (previous) => previous,
  });
};

/** The groups a person reads: Custom, Everyone (every user of the organization) or a product group. */
export const kindLabel = (kind: string): string =>
  kind === "custom" ? "Custom" : kind === "everyone" ? "Everyone" : "Product group";

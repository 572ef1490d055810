// The queries the role pages share: the product catalog (labels, actions, which products allow custom roles),
// the organization's enabled products and visible instances, and the roles list and one role.
import { type RouterInputs, type RouterOutputs, useGatehouse } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export type CatalogProduct = RouterOutputs["catalog"]["products"][number];
export type RoleRow = RouterOutputs["roles"]["list"][number];
export type RoleDetails = RouterOutputs["roles"]["get"];
export type Instance = RouterOutputs["instances"]["list"][number];

/** Products without custom roles, with the reason shown next to them. */
export const noCustomRolesReason = (product: CatalogProduct): string | undefined => {
  if (product.id === "admin-center")
    return "restricted admin access is given with the admin levels (Instance Admin, Project Owner)";
  if (!product.customRoles) return "the product has no custom roles";
  return undefined;
};

/** The entity of an action id `product:entity.verb`. */
export const entityOf = (action: string): string =>
  action.slice(action.indexOf(":") + 1).split(".")[0] ?? action;

export const useCatalog = () => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["catalog", "products"],
    queryFn: () => client.catalog.products.query(),
    staleTime: Number.POSITIVE_INFINITY,
  });
};

/** The products the organization has enabled. */
export const useEnabledProducts = () => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["organizations", "mine"],
    queryFn: () => client.organizations.mine.query(),
    select: (org) => org.products,
  });
};

/** The instances of `org` (of one product when given) the admin may view. */
export const useInstances = (org: string | undefined, product?: string) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["instances", org, product ?? null],
    queryFn: () =>
      client.instances.list.query({ org: org ?? "", ...(product === undefined ? {} : { product }) }),
    enabled: org !== undefined,
  });
};

export const useRoles = (filter: RouterInputs["roles"]["list"], enabled = true) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["roles", "list", filter],
    queryFn: () => client.roles.list.query(filter),
    enabled,
  });
};

export const useRole = (id: string | undefined) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["roles", "get", id],
    queryFn: () => client.roles.get.query({ id: id ?? "" }),
    enabled: id !== undefined && id !== "",
  });
};

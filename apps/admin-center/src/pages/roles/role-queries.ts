// The queries the role pages share: the product catalog (labels, actions, which products allow custom roles),
// the organization's enabled products and visible instances, the roles list and one role, and a new role's dry run.
import { type RouterInputs, type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export type CatalogProduct = RouterOutputs["catalog"]["products"][number];
export type RoleRow = RouterOutputs["roles"]["list"][number];
export type RoleDetails = RouterOutputs["roles"]["get"];
export type Instance = RouterOutputs["instances"]["list"][number];

/** The entity of an action id `product:entity.verb`. */
export const entityOf = (action: string): string =>
  action.slice(action.indexOf(":") + 1).split(".")[0] ?? action;

export const useCatalog = () => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.catalog.products.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
  });
};

/** The products the organization has enabled. */
export const useEnabledProducts = () => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.organizations.mine.queryOptions(),
    select: (org) => org.products,
  });
};

/** The instances of `org` (of one product when given) the admin may view. */
export const useInstances = (org: string | undefined, product?: string) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.instances.list.queryOptions({ org: org ?? "", ...(product === undefined ? {} : { product }) }),
    enabled: org !== undefined,
  });
};

export const useRoles = (filter: RouterInputs["roles"]["list"], enabled = true) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.roles.list.queryOptions(filter),
    enabled,
  });
};

export const useRole = (id: string | undefined) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.roles.get.queryOptions({ id: id ?? "" }),
    enabled: id !== undefined && id !== "",
  });
};

/** The server's dry run of a new custom role (its name, or the first problem), once product and instance are chosen. */
export const useCustomRoleCheck = (input: Partial<RouterInputs["roles"]["validate"]>) => {
  const trpc = useTRPC();
  const { product, instance } = input;
  return useQuery({
    ...trpc.roles.validate.queryOptions({ ...input, product: product ?? "", instance: instance ?? "" }),
    enabled: product !== undefined && instance !== undefined,
    retry: false,
  });
};

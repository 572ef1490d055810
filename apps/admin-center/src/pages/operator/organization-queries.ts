// What the operator's Organizations page reads: every organization (organizations.list) and the catalog's
// products by name, for the kind and enabled-products columns and the product checkboxes.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export type Organization = RouterOutputs["organizations"]["list"][number];

export const useOrganizations = () => {
  const trpc = useTRPC();
  return useQuery(trpc.organizations.list.queryOptions());
};

/** The catalog's products as checkbox options: value the id, label the product's name. */
export const useProductOptions = () => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.catalog.products.queryOptions(),
    select: (products) => products.map((p) => ({ value: p.id, label: p.label })),
  });
};

export const kindLabel = (kind: Organization["kind"]): string =>
  kind === "partner" ? "Partner" : "Customer";

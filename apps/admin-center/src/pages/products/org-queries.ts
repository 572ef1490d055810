// The queries the product, instance and project pages share: the product catalog, the instances the engine lets the admin view, and the projects of an Experimentation instance.
import { useTRPC } from "@gatehouse/client";
import { skipToken, useQuery } from "@tanstack/react-query";

export const EXPERIMENTATION = "experimentation";

/** Every product of the catalog with its label, actions and system roles (the same for everyone). */
export const useCatalog = () => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.catalog.products.queryOptions(),
    staleTime: Number.POSITIVE_INFINITY,
  });
};

/** The products that administer the others (they confer the admin levels), as the catalog serves them. */
export const useAdministering = (): ReadonlySet<string> => {
  const catalog = useCatalog();
  return new Set(catalog.data?.filter((p) => p.administers).map((p) => p.id));
};

/** The products the organization has enabled. */
export const useOrganization = () => {
  const trpc = useTRPC();
  return useQuery(trpc.organizations.mine.queryOptions());
};

/** The instances of `org` (of one product when given) the engine lets the admin view. */
export const useInstances = (org: string | undefined, product?: string) => {
  const trpc = useTRPC();
  return useQuery(
    trpc.instances.list.queryOptions(
      org === undefined ? skipToken : { org, ...(product === undefined ? {} : { product }) },
    ),
  );
};

/** The projects of one Experimentation instance. */
export const useProjects = (org: string | undefined, instance: string | undefined) => {
  const trpc = useTRPC();
  return useQuery(
    trpc.projects.list.queryOptions(
      org === undefined || instance === undefined ? skipToken : { org, instance },
    ),
  );
};

/** A product's label from the catalog, its id until the catalog has loaded. */
export const useProductLabel = () => {
  const catalog = useCatalog();
  return (id: string) => catalog.data?.find((p) => p.id === id)?.label ?? id;
};

// The queries the product, instance and project pages share: the product catalog, the instances the engine lets the admin view, and the projects of an Experimentation instance.
import { useGatehouse } from "@gatehouse/client";
import { useQuery } from "@tanstack/react-query";

export const EXPERIMENTATION = "experimentation";
export const ADMIN_CENTER = "admin-center";

/** Every product of the catalog with its label, actions and system roles (the same for everyone). */
export const useCatalog = () => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["catalog.products"],
    queryFn: () => client.catalog.products.query(),
    staleTime: Number.POSITIVE_INFINITY,
  });
};

/** The products the organization has enabled. */
export const useOrganization = () => {
  const client = useGatehouse();
  return useQuery({ queryKey: ["organizations.mine"], queryFn: () => client.organizations.mine.query() });
};

/** The instances of `org` (of one product when given) the engine lets the admin view. */
export const useInstances = (org: string | undefined, product?: string) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["instances.list", org, product],
    enabled: org !== undefined,
    queryFn: () =>
      client.instances.list.query({ org: org ?? "", ...(product === undefined ? {} : { product }) }),
  });
};

/** The projects of one Experimentation instance. */
export const useProjects = (org: string | undefined, instance: string | undefined) => {
  const client = useGatehouse();
  return useQuery({
    queryKey: ["projects.list", org, instance],
    enabled: org !== undefined && instance !== undefined,
    queryFn: () => client.projects.list.query({ org: org ?? "", instance: instance ?? "" }),
  });
};

/** A product's label from the catalog, its id until the catalog has loaded. */
export const useProductLabel = () => {
  const catalog = useCatalog();
  return (id: string) => catalog.data?.find((p) => p.id === id)?.label ?? id;
};

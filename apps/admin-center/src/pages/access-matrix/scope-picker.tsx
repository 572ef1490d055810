// Picks the access matrix's scope: a product the organization enabled, then optionally one of its instances
// the admin may view, then (Experimentation) one of the instance's projects.
import { type RouterOutputs, useTRPC } from "@gatehouse/client";
import { Group, Select } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { MatrixScope } from "./matrix-scope.ts";

export type Instance = RouterOutputs["instances"]["list"][number];
export type Project = RouterOutputs["projects"]["list"][number];

export interface ScopePickerProps {
  readonly org: string;
  readonly scope: MatrixScope;
  readonly onChoose: (level: "product" | "instance" | "project", value: string | null) => void;
}

export const ScopePicker = ({ org, scope, onChoose }: ScopePickerProps) => {
  const trpc = useTRPC();
  const catalog = useQuery(trpc.catalog.products.queryOptions());
  const mine = useQuery(trpc.organizations.mine.queryOptions());
  const instances = useInstances(org, scope.product);
  const projects = useProjects(org, scope.instance, scope.product === "experimentation");
  const enabled = new Set<string>(mine.data?.products ?? []);
  const productOptions = (catalog.data ?? [])
    .filter((p) => enabled.has(p.id) && !p.administers)
    .map((p) => ({ value: p.id, label: p.label }));
  return (
    <Group align="flex-end">
      <Select
        label="Product"
        placeholder="Choose a product"
        data={productOptions}
        value={scope.product ?? null}
        onChange={(value) => onChoose("product", value)}
        searchable
        w={260}
      />
      <Select
        label="Instance"
        placeholder="All instances"
        data={(instances.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
        value={scope.instance ?? null}
        onChange={(value) => onChoose("instance", value)}
        disabled={scope.product === undefined}
        clearable
        w={260}
      />
      {scope.product === "experimentation" ? (
        <Select
          label="Project"
          placeholder="All projects"
          data={(projects.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={scope.project ?? null}
          onChange={(value) => onChoose("project", value)}
          disabled={scope.instance === undefined}
          clearable
          w={260}
        />
      ) : null}
    </Group>
  );
};

/** The product's instances the admin may view (none before a product is chosen). */
export const useInstances = (org: string, product: string | undefined) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.instances.list.queryOptions({ org, product: product ?? "" }),
    enabled: product !== undefined,
  });
};

/** The instance's projects (Experimentation only). */
export const useProjects = (org: string, instance: string | undefined, experimentation: boolean) => {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.projects.list.queryOptions({ org, instance: instance ?? "" }),
    enabled: experimentation && instance !== undefined,
  });
};

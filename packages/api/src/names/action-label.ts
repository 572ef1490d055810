// An action as people read it: the catalog's label ("Restart sites" for mission-control:site.restart), its id only
// when the catalog has none.
import { products } from "@gatehouse/domain";

const labels = new Map<string, string>(
  products.flatMap((p) => p.actions.map((a) => [a.id as string, a.label] as const)),
);

export const actionLabel = (action: string): string => labels.get(action) ?? action;

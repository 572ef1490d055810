// A product's actions as the catalog serves them: each engine action once, by its id. Experimentation declares
// some actions on both platforms (Web and Feature) with their own words; they are one action to the engine.
import type { ProductDef } from "@gatehouse/domain";

/** One action: its id (unique within the product), its words, and per platform the words that platform uses. */
export interface ServedAction {
  readonly id: string;
  readonly label: string;
  /** Null for an action of every platform; else the platforms that declare it, each with its own label. */
  readonly platforms: ReadonlyArray<{ readonly platform: string; readonly label: string }> | null;
}

/** The product's actions, one per id in declaration order; a label per platform where they differ. */
export const servedActions = (product: ProductDef): ReadonlyArray<ServedAction> => {
  const byId = new Map<string, ServedAction>();
  for (const action of product.actions) {
    const seen = byId.get(action.id);
    const platform =
      action.platform === undefined ? [] : [{ platform: action.platform, label: action.label }];
    if (seen === undefined) {
      byId.set(action.id, {
        id: action.id,
        label: action.label,
        platforms: action.platform === undefined ? null : platform,
      });
      continue;
    }
    const platforms = [...(seen.platforms ?? []), ...platform];
    const labels = [...new Set(platforms.map((p) => p.label))];
    byId.set(action.id, { id: action.id, label: labels.join(" / "), platforms });
  }
  return [...byId.values()];
};

// The access matrix's action choices: each action by its label (a label two actions share names its id too, so
// no two options read alike), found by typing its label or its id; the id shows on hover.
import type { ComboboxItem, OptionsFilter } from "@mantine/core";

/** One option per action, labelled by name; a repeated label is qualified with the action's id. */
export const actionOptions = (
  actions: ReadonlyArray<{ readonly id: string; readonly label: string }>,
): Array<ComboboxItem> => {
  const uses = new Map<string, number>();
  for (const a of actions) uses.set(a.label, (uses.get(a.label) ?? 0) + 1);
  return actions.map((a) => ({
    value: a.id,
    label: (uses.get(a.label) ?? 0) > 1 ? `${a.label} (${a.id})` : a.label,
  }));
};

/** Keeps the options whose label or id contains what was typed (any case). */
export const byLabelOrId: OptionsFilter = ({ options, search }) => {
  const typed = search.trim().toLowerCase();
  return options.filter(
    (o) => "value" in o && (o.label.toLowerCase().includes(typed) || o.value.toLowerCase().includes(typed)),
  );
};

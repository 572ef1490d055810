// A product's served actions as one platform offers them (Experimentation's Web or Feature), in its own words:
// the access matrix's action options for a project, the collaborators app's effective permissions.
import type { RouterOutputs } from "@gatehouse/client";

export type ServedAction = RouterOutputs["catalog"]["products"][number]["actions"][number];

/** The actions `platform` has, each with that platform's label; every action when `platform` is undefined. */
export const actionsOn = (
  actions: ReadonlyArray<ServedAction>,
  platform: string | undefined,
): ReadonlyArray<{ readonly id: string; readonly label: string }> =>
  actions.flatMap((action) => {
    if (platform === undefined || action.platforms === null) return [{ id: action.id, label: action.label }];
    const on = action.platforms.find((p) => p.platform === platform);
    return on === undefined ? [] : [{ id: action.id, label: on.label }];
  });

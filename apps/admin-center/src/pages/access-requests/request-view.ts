// What the Access requests page knows of a partner access request: its type from the API and its product
// (the words and colours of its role, path and status come from @gatehouse/ui, shared with Mission Control).
import type { RouterOutputs } from "@gatehouse/client";

export type AccessRequest = RouterOutputs["accessRequests"]["list"][number];

export const missionControl = "mission-control";

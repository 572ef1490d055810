// What the Access requests page knows of a partner access request: its type from the API, names served
// (the words and colours of its role, path and status come from @gatehouse/ui, shared with Mission Control).
import type { RouterOutputs } from "@gatehouse/client";

export type AccessRequest = RouterOutputs["accessRequests"]["list"][number];
